using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// Security headers on every response (ASVS V3.4): a strict Content-Security-Policy with a fresh
/// nonce per request, nosniff, referrer and permissions policies, no framing, a same-origin opener,
/// and <c>Cache-Control: no-store</c> on responses to signed-in users. Headers are added when the
/// response starts and only where the endpoint has not set its own (document downloads send a
/// sandbox CSP and keep it).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>The <see cref="HttpContext.Items"/> key of the request's CSP nonce.</summary>
    public const string NonceKey = "csp-nonce";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=()";

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self'; " +
        "img-src 'self' data:; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(static state =>
        {
            var (ctx, n) = ((HttpContext, string))state;
            Apply(ctx, n);
            return Task.CompletedTask;
        }, (context, nonce));
        return next(context);
    }

    private static void Apply(HttpContext context, string nonce)
    {
        var headers = context.Response.Headers;
        headers.TryAdd(HeaderNames.ContentSecurityPolicy, ContentSecurityPolicy(nonce));
        headers.TryAdd(HeaderNames.XContentTypeOptions, "nosniff");
        headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.TryAdd("Permissions-Policy", PermissionsPolicy);
        headers.TryAdd(HeaderNames.XFrameOptions, "DENY");
        headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");

        // Pages for a signed-in user are personal: never kept by the browser or a shared cache.
        // Static files are served before authentication runs, so they never count as "signed in".
        if (context.User.Identity?.IsAuthenticated == true)
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            headers.Remove(HeaderNames.Expires);
        }
    }
}

public static class SecurityHeadersExtensions
{
    /// <summary>This request's CSP nonce, for an inline script (see <see cref="SecurityHeadersNonceTagHelper"/>).</summary>
    public static string CspNonce(this HttpContext context) =>
        context.Items[SecurityHeadersMiddleware.NonceKey] as string ?? "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>();
}

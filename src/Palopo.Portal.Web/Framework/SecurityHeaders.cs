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

    /// <summary>The <see cref="HttpContext.Items"/> key set once a page has put the nonce into its body.</summary>
    public const string NonceUsedKey = "csp-nonce-used";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=()";

    /// <summary>How the portal's own policy starts (an endpoint's own policy, e.g. a download's sandbox, does not).</summary>
    private const string PortalPolicyStart = "default-src 'self'; script-src 'self' 'nonce-";

    public static string ContentSecurityPolicy(string nonce) =>
        PortalPolicyStart + nonce + "'; " +
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
        // A response replayed from the output cache may bring the policy of the response that filled
        // the cache: the portal's own policy is always replaced by one with this response's nonce.
        var existing = headers.ContentSecurityPolicy;
        if (existing.Count == 0 || existing.ToString().StartsWith(PortalPolicyStart, StringComparison.Ordinal))
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
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
    /// <remarks>Remembers that the body now depends on this request's nonce: such a page is never output-cached.</remarks>
    public static string CspNonce(this HttpContext context)
    {
        context.Items[SecurityHeadersMiddleware.NonceUsedKey] = true;
        return context.Items[SecurityHeadersMiddleware.NonceKey] as string ?? "";
    }

    /// <summary>Whether this response's body carries its CSP nonce (see <see cref="CspNonce"/>).</summary>
    public static bool CspNonceUsed(this HttpContext context) => context.Items.ContainsKey(SecurityHeadersMiddleware.NonceUsedKey);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>();
}

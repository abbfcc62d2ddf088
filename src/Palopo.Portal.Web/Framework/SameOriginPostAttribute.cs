using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// Refuses (400) a post that a browser says came from another site: Fetch Metadata
/// (<c>Sec-Fetch-Site</c>) where the browser sends it, else the <c>Origin</c> header, else the
/// <c>Referer</c>. For the one form on every signed-in page, sign-out, which carries no antiforgery
/// token (ADR 0018): a request with neither header (a very old browser) is let through, because the
/// Lax sign-in cookie is not sent with another site's post, so such a post signs nobody out anyway.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SameOriginPostAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (!IsSameOrigin(context.HttpContext.Request))
            context.Result = new BadRequestResult();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    public static bool IsSameOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
            return site == "same-origin";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
            return Matches(request, origin);
        var referer = request.Headers.Referer.ToString();
        return referer.Length == 0 || Matches(request, referer);
    }

    private static bool Matches(HttpRequest request, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}

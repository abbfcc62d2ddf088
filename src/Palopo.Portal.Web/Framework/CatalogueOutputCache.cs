using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// Server-side output cache of the anonymous catalogue pages (<c>/layanan</c>, <c>/layanan/{slug}</c>):
/// the pages most visitors open, identical for every signed-out visitor of one language. One copy
/// per culture and query string (search, grouping), tagged <see cref="Tag"/> so
/// <see cref="OutputCacheCatalogueCache"/> evicts them all when the catalogue changes.
/// </summary>
public static class CatalogueOutputCache
{
    public const string PolicyName = "catalogue";

    /// <summary>The tag of every cached catalogue page.</summary>
    public const string Tag = "catalogue";

    /// <summary>
    /// How long a copy lives without an eviction. Evictions reach every node through cache signals
    /// (ADR 0015); this bounds the staleness when a signal is lost (its row could not be written).
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>The cookie of MVC's cookie TempData provider: a status notice waits to be shown.</summary>
    public static readonly string TempDataCookie = Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider.CookieName;

    public static IServiceCollection AddCatalogueOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            // "/layanan/Akta-Kelahiran" must reach the controller (it redirects to the lower-case address).
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(PolicyName, new AnonymousCataloguePolicy());
        });
        return services;
    }
}

/// <summary>
/// Caches only what is the same for every signed-out visitor: never a response to a signed-in user
/// (their header shows their name and notifications), never one that sets a cookie (antiforgery,
/// language, sign-in), marks itself not storable, or relies on its CSP nonce (a replayed body would
/// carry another response's nonce). A request that changes the language (<c>?culture=</c>, which
/// sets the cookie) or has a status notice waiting (TempData) is answered fresh.
/// </summary>
internal sealed class AnonymousCataloguePolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var cacheable = IsCacheable(context.HttpContext);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = CatalogueOutputCache.Lifetime;
        // Every query key: the page echoes the query string (search box, language-switch link).
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.Tags.Add(CatalogueOutputCache.Tag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || http.User.Identity?.IsAuthenticated == true
            || ForbidsStorage(response.Headers.CacheControl)
            || http.CspNonceUsed())
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    internal static bool IsCacheable(HttpContext context)
    {
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && context.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && !request.Query.ContainsKey("culture")
            && !request.Cookies.ContainsKey(CatalogueOutputCache.TempDataCookie);
    }

    // Antiforgery marks pages holding a token "no-cache, no-store"; a token is personal.
    private static bool ForbidsStorage(StringValues cacheControl) =>
        cacheControl.Any(v => v is not null && (v.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || v.Contains("no-cache", StringComparison.OrdinalIgnoreCase)
            || v.Contains("private", StringComparison.OrdinalIgnoreCase)));
}

using Microsoft.AspNetCore.Localization;

namespace Palopo.Portal.Web.Framework;

/// <summary>Remembers a language chosen with <c>?culture=en</c> (the switcher's links) in a cookie for a year.</summary>
internal sealed class CultureCookieMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var requested = context.Request.Query["culture"].ToString();
        if (requested.Length > 0 && DependencyInjection.SupportedCultures.Any(c => c.Name == requested))
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(requested)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                });
        }

        return next(context);
    }
}

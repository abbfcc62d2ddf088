using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// MVC's cookie TempData provider, except that it does not "delete" a TempData cookie the browser
/// never had. The layout reads TempData on every page (for a status notice); the stock provider then
/// answers every page with an expired Set-Cookie, which also makes every page unfit for the output cache.
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        var name = options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;
        if ((values is null || values.Count == 0) && !context.Request.Cookies.Keys.Any(k => k.StartsWith(name, StringComparison.Ordinal)))
            return;
        inner.SaveTempData(context, values!);
    }
}

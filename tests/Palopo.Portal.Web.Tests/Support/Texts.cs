using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Palopo.Portal.Web.Tests.Support;

/// <summary>
/// The portal's own interface texts (Resources/SharedResource*.resx), in a chosen language, so the
/// tests check that the right message is shown in the right language without copying its wording.
/// </summary>
public sealed class Texts(IServiceProvider services)
{
    private readonly IStringLocalizer<SharedResource> _localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();

    public string Id(string key, params object[] args) => In("id", key, args);

    public string En(string key, params object[] args) => In("en", key, args);

    public string In(string culture, string key, params object[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var text = _localizer[key, args];
            Assert.False(text.ResourceNotFound, $"No interface text '{key}'.");
            return text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

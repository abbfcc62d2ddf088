using System.Globalization;
using System.Resources;

namespace Palopo.Portal.Application.PersonalData;

/// <summary>
/// Texts written to citizens outside a web page (e-mails, the erasure report), from
/// Resources/PersonalDataTexts.tsv, in the recipient's language rather than the current request's.
/// </summary>
public static class PersonalDataTexts
{
    private static readonly ResourceManager Resources =
        new("Palopo.Portal.Application.PersonalData.Resources.PersonalDataTexts", typeof(PersonalDataTexts).Assembly);

    public static CultureInfo Culture(string? language) => CultureInfo.GetCultureInfo(language == "en" ? "en" : "id");

    public static string Get(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new InvalidOperationException($"Personal-data text '{key}' is missing.");

    public static string Format(string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, Get(key, culture), args);
}

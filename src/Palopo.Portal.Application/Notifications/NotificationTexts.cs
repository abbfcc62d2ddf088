using System.Globalization;
using System.Resources;

namespace Palopo.Portal.Application.Notifications;

/// <summary>
/// The notification e-mail texts: Resources/NotificationTexts.resx (Bahasa Indonesia, the default)
/// and NotificationTexts.en.resx, generated from Resources/NotificationTexts.tsv by scripts/resx.py.
/// Read for the recipient's language, never the current request's culture.
/// </summary>
public static class NotificationTexts
{
    public const string BaseName = "Palopo.Portal.Application.Notifications.Resources.NotificationTexts";

    private static readonly ResourceManager Resources = new(BaseName, typeof(NotificationTexts).Assembly);

    public static CultureInfo Culture(string language) =>
        CultureInfo.GetCultureInfo(language == "en" ? "en" : "id");

    /// <summary>The text for <paramref name="key"/> in <paramref name="culture"/>; a missing key is a bug, so it throws.</summary>
    public static string Get(string key, CultureInfo culture) =>
        Resources.GetString(key, culture)
        ?? throw new InvalidOperationException($"Notification text '{key}' is missing.");

    public static string Format(string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, Get(key, culture), args);
}

using Microsoft.Extensions.Localization;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// A text with a count in it: "1 working day left", "3 working days left". Indonesian needs no
/// plural, English does, so a key may have a "<c>One</c>" twin for a count of exactly one.
/// </summary>
public static class CountedText
{
    public static LocalizedString Count(this IStringLocalizer t, string key, int count) =>
        count == 1 && t[key + "One"] is { ResourceNotFound: false } one ? one : t[key, count];
}

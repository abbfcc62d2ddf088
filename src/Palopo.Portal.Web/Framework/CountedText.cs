using Microsoft.Extensions.Localization;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// A text with a count in it: "1 working day left", "3 working days left", "Day 1 of 1 working day".
/// Indonesian needs no plural, English does, so a key may have a "<c>One</c>" twin used when the
/// count that decides the noun is exactly one.
/// </summary>
public static class CountedText
{
    /// <summary>The text of <paramref name="key"/> with <paramref name="count"/> as its only argument.</summary>
    public static LocalizedString Count(this IStringLocalizer t, string key, int count) => t.Count(key, count, [count]);

    /// <summary>The text of <paramref name="key"/> with <paramref name="arguments"/>, singular when <paramref name="count"/> is one.</summary>
    public static LocalizedString Count(this IStringLocalizer t, string key, int count, params object[] arguments) =>
        count == 1 && t[key + "One", arguments] is { ResourceNotFound: false } one ? one : t[key, arguments];
}

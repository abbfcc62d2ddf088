using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Tests.Site;

/// <summary>Counts read right in English ("1 working day left") and every "One" text exists in both languages.</summary>
public sealed class CountedTextTests
{
    private static readonly ResourceManager Resources = new("Palopo.Portal.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    [Theory]
    [InlineData("en", 1, "1 working day left")]
    [InlineData("en", 2, "2 working days left")]
    [InlineData("en", 0, "0 working days left")]
    [InlineData("id", 1, "1 hari kerja lagi")]
    [InlineData("id", 3, "3 hari kerja lagi")]
    public void A_count_of_one_uses_the_singular_text(string language, int count, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == "en" ? "en" : "id");
        try
        {
            Assert.Equal(expected, new Texts().Count("OfficerQueue.DaysLeft", count).Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("en", 1, 1, "Day 1 of 1 working day")]
    [InlineData("en", 2, 5, "Day 2 of 5 working days")]
    [InlineData("id", 1, 1, "Hari ke-1 dari 1 hari kerja")]
    public void The_service_days_decide_the_noun_when_a_text_has_two_counts(string language, int day, int serviceDays, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            Assert.Equal(expected, new Texts().Count("Requests.Clock.Day", serviceDays, day, serviceDays).Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("Apply.ServiceDays")]
    [InlineData("Requests.Clock.Day")]
    [InlineData("Requests.Clock.NotStarted")]
    [InlineData("Requests.Clock.Used")]
    [InlineData("Officer.Review.ClockStopped")]
    [InlineData("OfficerQueue.DaysLeft")]
    [InlineData("OfficerQueue.OverdueFlag")]
    [InlineData("Officer.Review.DaysLeft")]
    [InlineData("Officer.Review.DaysLate")]
    [InlineData("Catalogue.ServiceDays")]
    public void Every_counted_text_has_its_singular_in_both_languages(string key)
    {
        foreach (var culture in new[] { CultureInfo.GetCultureInfo("id"), CultureInfo.GetCultureInfo("en") })
        {
            var one = Resources.GetString(key + "One", culture);
            Assert.False(string.IsNullOrWhiteSpace(one), $"{key}One is missing for {culture.Name}");
            Assert.Contains("1", one, StringComparison.Ordinal);
        }
    }

    /// <summary>The portal's own resources, looked up in the current UI culture.</summary>
    private sealed class Texts : IStringLocalizer
    {
        public LocalizedString this[string name] =>
            Resources.GetString(name, CultureInfo.CurrentUICulture) is { } value ? new(name, value) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.CurrentCulture, this[name].Value, arguments), this[name].ResourceNotFound);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}

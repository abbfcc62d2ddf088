using Palopo.Portal.Domain.Calendar;

namespace Palopo.Portal.Domain.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    // 2026: 16 Feb cuti bersama Imlek, 17 Feb Imlek; 18-24 Mar Nyepi/Idulfitri block; 25 Dec Christmas, 24 Dec cuti bersama.
    private static readonly WorkingCalendar Calendar2026 = new([
        new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 17),
        new DateOnly(2026, 3, 18), new DateOnly(2026, 3, 19), new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 24),
        new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 1),
    ]);

    [Fact]
    public void Weekends_are_not_working_days()
    {
        Assert.False(WorkingCalendar.WeekendsOnly.IsWorkingDay(new DateOnly(2026, 11, 28))); // Saturday
        Assert.False(WorkingCalendar.WeekendsOnly.IsWorkingDay(new DateOnly(2026, 11, 29))); // Sunday
        Assert.True(WorkingCalendar.WeekendsOnly.IsWorkingDay(new DateOnly(2026, 11, 30))); // Monday
    }

    [Fact]
    public void Five_working_days_from_a_monday_end_the_next_monday()
    {
        Assert.Equal(new DateOnly(2026, 12, 7), WorkingCalendar.WeekendsOnly.AddWorkingDays(new DateOnly(2026, 11, 30), 5));
    }

    [Fact]
    public void Submitting_on_a_friday_skips_the_weekend()
    {
        Assert.Equal(new DateOnly(2026, 12, 1), WorkingCalendar.WeekendsOnly.AddWorkingDays(new DateOnly(2026, 11, 27), 2));
    }

    [Fact]
    public void National_holidays_and_cuti_bersama_are_skipped()
    {
        // Fri 13 Feb + 2 working days: Mon 16 (cuti bersama) and Tue 17 (Imlek) are off → Wed 18, Thu 19.
        Assert.Equal(new DateOnly(2026, 2, 19), Calendar2026.AddWorkingDays(new DateOnly(2026, 2, 13), 2));
    }

    [Fact]
    public void A_long_holiday_block_around_idulfitri_stops_the_clock()
    {
        // Tue 17 Mar + 3: Wed 18 – Tue 24 are all off except the weekend anyway → Wed 25, Thu 26, Fri 27.
        Assert.Equal(new DateOnly(2026, 3, 27), Calendar2026.AddWorkingDays(new DateOnly(2026, 3, 17), 3));
    }

    [Fact]
    public void The_deadline_crosses_the_year_boundary()
    {
        // Wed 23 Dec 2026 + 3: 24, 25 Dec off, 26-27 weekend, Mon 28, Tue 29, Wed 30.
        Assert.Equal(new DateOnly(2026, 12, 30), Calendar2026.AddWorkingDays(new DateOnly(2026, 12, 23), 3));
        // Wed 30 Dec + 2: Thu 31, Fri 1 Jan off, weekend → Mon 4 Jan 2027.
        Assert.Equal(new DateOnly(2027, 1, 4), Calendar2026.AddWorkingDays(new DateOnly(2026, 12, 30), 2));
    }

    [Fact]
    public void Zero_days_is_the_start_day_and_negative_days_are_refused()
    {
        Assert.Equal(new DateOnly(2026, 11, 28), Calendar2026.AddWorkingDays(new DateOnly(2026, 11, 28), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar2026.AddWorkingDays(new DateOnly(2026, 11, 28), -1));
    }

    [Theory]
    [InlineData("2026-11-30", "2026-12-07", 5)] // Mon → next Mon
    [InlineData("2026-11-27", "2026-11-30", 1)] // Fri → Mon
    [InlineData("2026-11-30", "2026-11-30", 0)]
    [InlineData("2026-12-07", "2026-11-30", 0)] // backwards counts nothing
    [InlineData("2026-02-13", "2026-02-20", 3)] // 16, 17 off
    public void Working_days_between_two_dates_exclude_the_start_and_include_the_end(string from, string to, int expected)
    {
        Assert.Equal(expected, Calendar2026.WorkingDaysBetween(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

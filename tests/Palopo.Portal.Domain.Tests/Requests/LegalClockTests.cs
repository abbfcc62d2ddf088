using Palopo.Portal.Domain.Calendar;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Domain.Tests.Requests;

public sealed class LegalClockTests
{
    [Fact]
    public void A_decision_counts_on_palopos_date_not_the_utc_date()
    {
        // Decided Mon 30 Nov 2026 at 20:00 UTC = Tue 1 Dec 04:00 WITA: Tuesday is a working day used.
        var decided = new DateTime(2026, 11, 30, 20, 0, 0, DateTimeKind.Utc);
        var clock = new LegalClock(RequestStatus.Rejected, 5, new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 4), null, 0, decided, decided);

        Assert.Equal(2, clock.WorkingDaysElapsed(WorkingCalendar.WeekendsOnly, new DateOnly(2026, 12, 10)));
    }

    [Theory]
    [InlineData("2026-11-30T15:59:59", "2026-11-30")]
    [InlineData("2026-11-30T16:00:00", "2026-12-01")]
    public void Palopo_dates_turn_at_midnight_wita(string utc, string expected)
    {
        var moment = DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PalopoDate.FromUtc(moment));
    }
}

using Palopo.Portal.Application.Admin.Calendar;
using Palopo.Portal.Domain.Calendar;

namespace Palopo.Portal.Web.Areas.Admin.Models;

public sealed class HolidayForm
{
    public int Year { get; set; }

    public DateOnly? Date { get; set; }

    public string? NameId { get; set; }

    public string? NameEn { get; set; }

    public HolidayKind? Kind { get; set; }
}

public sealed record HolidaysPage(int Year, IReadOnlyList<HolidayRow> Holidays, HolidayForm Form, string Language)
{
    public int WorkingDayHolidays => Holidays.Count(h => !h.OnWeekend);
}

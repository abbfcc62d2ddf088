using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Calendar;

namespace Palopo.Portal.Application.Calendar;

/// <summary>
/// Builds the working-day calendar from the holidays admins keep (a few dozen rows a year).
/// Read on every request page and queue page (never cached: an admin's change applies at once on every node), hence compiled.
/// </summary>
public sealed class WorkingCalendarProvider(IPortalDbContext db)
{
    private static readonly PerModelQuery<Func<DbContext, IAsyncEnumerable<DateOnly>>> HolidayDates = new(() =>
        EF.CompileAsyncQuery((DbContext db) => db.Set<Holiday>().AsNoTracking().Select(h => h.Date)));

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct) =>
        new(await HolidayDates.For(db)((DbContext)db).ToListAsync(ct));
}

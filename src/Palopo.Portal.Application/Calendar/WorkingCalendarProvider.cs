using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Calendar;

namespace Palopo.Portal.Application.Calendar;

/// <summary>Builds the working-day calendar from the holidays admins keep (a few dozen rows a year).</summary>
public sealed class WorkingCalendarProvider(IPortalDbContext db)
{
    public async Task<WorkingCalendar> GetAsync(CancellationToken ct) =>
        new(await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct));
}

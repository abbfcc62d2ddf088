using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Calendar;

namespace Palopo.Portal.Application.Calendar;

/// <summary>
/// Builds the working-day calendar from the holidays admins keep (a few dozen rows a year). Read on
/// every request page and queue page, hence kept in memory until an admin changes a holiday on
/// any node (<see cref="CacheTopics.Calendar"/>, ADR 0015).
/// </summary>
public sealed class WorkingCalendarProvider(IPortalDbContext db, WorkingCalendarCache cache, TimeProvider clock)
{
    private static readonly PerModelQuery<Func<DbContext, IAsyncEnumerable<DateOnly>>> HolidayDates = new(() =>
        EF.CompileAsyncQuery((DbContext db) => db.Set<Holiday>().AsNoTracking().Select(h => h.Date)));

    public Task<WorkingCalendar> GetAsync(CancellationToken ct) =>
        cache.Entries.GetOrLoadAsync(true, clock.GetUtcNow().UtcDateTime, WorkingCalendarCache.Lifetime,
            async () => new WorkingCalendar(await HolidayDates.For(db)((DbContext)db).ToListAsync(ct)));
}

/// <summary>The one calendar this node holds; dropped when any node changes a holiday.</summary>
public sealed class WorkingCalendarCache
{
    /// <summary>A safety net only: a change reaches every node through its signal.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public WorkingCalendarCache(CacheSignalBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        Entries = new(bus, capacity: 1);
        Entries.ClearOn(CacheTopics.Calendar);
    }

    internal SignalledCache<bool, WorkingCalendar> Entries { get; }
}

using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Infrastructure.Persistence.Configurations;

namespace Palopo.Portal.Infrastructure.Requests;

/// <summary>
/// One counter row per year, incremented with a single UPDATE … SET LastNumber = LastNumber + 1
/// inside the submission transaction. The UPDATE takes the row's write lock (PostgreSQL, SQL Server)
/// or the database's (SQLite, BEGIN IMMEDIATE), so concurrent submissions queue for it, and a
/// rolled-back submission gives its number back: no duplicates, no gaps from failures.
/// </summary>
internal sealed class ReferenceNumberGenerator(PortalDbContext db) : IReferenceNumberGenerator
{
    public async Task EnsureYearAsync(int year, CancellationToken ct)
    {
        if (await db.ReferenceCounters.AnyAsync(c => c.Year == year, ct))
            return;
        var counter = new ReferenceCounter { Year = year, LastNumber = 0 };
        db.ReferenceCounters.Add(counter);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request created it first: fine.
        }
        finally
        {
            db.Entry(counter).State = EntityState.Detached;
        }
    }

    public async Task<string> NextAsync(int year, CancellationToken ct)
    {
        var updated = await db.ReferenceCounters
            .Where(c => c.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), ct);
        if (updated != 1)
            throw new InvalidOperationException($"No reference counter for {year}; call EnsureYearAsync first.");
        var number = await db.ReferenceCounters.AsNoTracking()
            .Where(c => c.Year == year).Select(c => c.LastNumber).SingleAsync(ct);
        return ReferenceNumber.Format(year, number);
    }
}

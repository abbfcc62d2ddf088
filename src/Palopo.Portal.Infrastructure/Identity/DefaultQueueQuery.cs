using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Officer.Queues;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>
/// <see cref="IDefaultQueueQuery"/> as one compiled query: the statement <c>ListQueue</c> composes
/// for an unfiltered page after a cursor, a range read of the (AgencyId, AwaitsOfficer, DueOn, Id)
/// index with left joins for the two names. The first page reads "after" a cursor before every
/// date, which selects the same rows with the same plan. The joins and projection repeat
/// <c>ListQueue</c>'s composed ones (a compiled query cannot call out to shared code): keep them alike.
/// </summary>
internal sealed class DefaultQueueQuery(PortalDbContext db) : IDefaultQueueQuery
{
    private static readonly QueueCursor BeforeEverything = new(DateOnly.MinValue, Guid.Empty);

    private static readonly PerModelQuery<Func<PortalDbContext, Guid, bool, DateOnly, Guid, int, IAsyncEnumerable<QueueRow>>> Page = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, Guid agencyId, bool awaiting, DateOnly due, Guid id, int take) =>
            (from r in db.Set<ServiceRequest>().AsNoTracking()
             where r.AgencyId == agencyId && r.DueOn != null && r.AwaitsOfficer == awaiting
                   && (r.DueOn > due || (r.DueOn == due && r.Id.CompareTo(id) > 0))
             join a in db.Users on r.ApplicantUserId equals (Guid?)a.Id into applicants
             from a in applicants.DefaultIfEmpty()
             join o in db.Users on r.AssignedOfficerId equals (Guid?)o.Id into officers
             from o in officers.DefaultIfEmpty()
             orderby r.DueOn, r.Id
             select new QueueRow
             {
                 Id = r.Id,
                 ReferenceNumber = r.ReferenceNumber,
                 ServiceId = r.ServiceId,
                 CurrentStep = r.CurrentStep,
                 Status = r.Status,
                 Channel = r.Channel,
                 SubmittedAtUtc = r.SubmittedAtUtc,
                 DueOn = r.DueOn,
                 ClockPausedOn = r.ClockPausedOn,
                 AssignedOfficerId = r.AssignedOfficerId,
                 ApplicantName = a == null ? null : a.FullName,
                 OfficerName = o == null ? null : o.FullName,
             })
            .Take(take)));

    public async Task<List<QueueRow>> ReadAsync(Guid agencyId, QueueCursor? after, int take, CancellationToken ct)
    {
        // A parameter, never a bare column: SQLite uses the index column only for "AwaitsOfficer = ?".
        const bool awaiting = true;
        var from = after ?? BeforeEverything;
        return await Page.ForContext(db)(db, agencyId, awaiting, from.DueOn, from.Id, take).ToListAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Officer.Queues;

/// <summary>One line of the workspace: a service's workflow step and how much waits there.</summary>
public sealed record QueueStepCounts(
    Guid ServiceId, string ServiceSlug, LocalizedText ServiceName, int Step, LocalizedText StepName,
    int New, int Mine, int DueToday, int Overdue, int Total);

/// <summary>The officer's agency workspace (/petugas): every service of the agency, per workflow step.</summary>
public sealed record QueueOverview(DateOnly Today, IReadOnlyList<QueueStepCounts> Steps)
{
    public int New => Steps.Sum(s => s.New);

    public int Mine => Steps.Sum(s => s.Mine);

    public int DueToday => Steps.Sum(s => s.DueToday);

    public int Overdue => Steps.Sum(s => s.Overdue);

    public int Total => Steps.Sum(s => s.Total);
}

/// <summary>
/// Counts for the workspace in two SQL statements whatever the data size: the agency's services,
/// and one grouped COUNT over the agency's requests awaiting an officer (by service and step), read
/// through the (AgencyId, AwaitsOfficer, DueOn, Id) index.
/// New = submitted and not yet taken; mine = assigned to this officer; due today and overdue by DueOn.
/// </summary>
public sealed class GetQueueOverview(IPortalDbContext db, TimeProvider clock)
{
    public async Task<QueueOverview> HandleAsync(StaffMember officer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var agencyId = officer.AgencyId ?? Guid.Empty;
        var me = officer.UserId;
        var today = PalopoTime.Today(clock);

        var services = await db.Services.AsNoTracking()
            .Where(s => s.AgencyId == agencyId)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Slug)
            .Select(s => new { s.Id, s.Slug, s.Name, s.Workflow })
            .ToListAsync(ct);

        var awaiting = true; // a parameter, not the bare column: SQLite then seeks the index on (AgencyId, AwaitsOfficer)
        var counts = await db.ServiceRequests.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.AwaitsOfficer == awaiting)
            .GroupBy(r => new { r.ServiceId, r.CurrentStep })
            .Select(g => new
            {
                g.Key.ServiceId,
                g.Key.CurrentStep,
                Total = g.Count(),
                New = g.Count(r => r.Status == RequestStatus.Submitted && r.AssignedOfficerId == null),
                Mine = g.Count(r => r.AssignedOfficerId == me),
                DueToday = g.Count(r => r.DueOn == today),
                Overdue = g.Count(r => r.DueOn < today),
            })
            .ToListAsync(ct);
        var byKey = counts.ToDictionary(c => (c.ServiceId, c.CurrentStep));

        var rows = new List<QueueStepCounts>();
        foreach (var service in services)
        {
            for (var step = 0; step < service.Workflow.Count; step++)
            {
                var c = byKey.GetValueOrDefault((service.Id, step));
                rows.Add(new QueueStepCounts(service.Id, service.Slug, service.Name, step, service.Workflow[step].Name,
                    c?.New ?? 0, c?.Mine ?? 0, c?.DueToday ?? 0, c?.Overdue ?? 0, c?.Total ?? 0));
            }
        }

        return new QueueOverview(today, rows);
    }
}

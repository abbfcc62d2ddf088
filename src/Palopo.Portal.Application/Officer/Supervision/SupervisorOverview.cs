using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Calendar;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Officer.Supervision;

/// <summary>One officer's share of the agency's open work. <see cref="OfficerId"/> null = not assigned to anyone.</summary>
public sealed record OfficerWorkload(Guid? OfficerId, string? OfficerName, bool IsActiveOfficer, int Open, int Overdue, int DueToday);

/// <summary>An overdue request on the supervisor's list, most overdue first.</summary>
public sealed record OverdueRequest(
    string ReferenceNumber, LocalizedText ServiceName, RequestStatus Status, DateOnly DueOn, int WorkingDaysOverdue,
    Guid? AssignedOfficerId, string? AssignedOfficerName);

/// <summary>The kepala's page (/petugas/kepala): workload per officer and the overdue requests.</summary>
public sealed record SupervisorOverview(
    DateOnly Today, IReadOnlyList<OfficerWorkload> Officers, OfficerWorkload Unassigned, IReadOnlyList<OverdueRequest> Overdue)
{
    public const int OverdueListLimit = 50;

    public int TotalOpen => Officers.Sum(o => o.Open) + Unassigned.Open;

    public int TotalOverdue => Officers.Sum(o => o.Overdue) + Unassigned.Overdue;

    public int TotalDueToday => Officers.Sum(o => o.DueToday) + Unassigned.DueToday;
}

/// <summary>
/// Reads the supervisor's page in four SQL statements whatever the data size: the agency's officers,
/// the holidays, one grouped COUNT of the requests awaiting an officer (by assigned officer, through the
/// (AgencyId, AwaitsOfficer, DueOn, Id) index), and the 50 most overdue requests with their service names.
/// Only requests awaiting an officer count: a request waiting on the citizen has its clock paused.
/// </summary>
public sealed class GetSupervisorOverview(IPortalDbContext db, IAgencyOfficers agencyOfficers, WorkingCalendarProvider calendars, TimeProvider clock)
{
    public async Task<SupervisorOverview> HandleAsync(StaffMember supervisor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        var agencyId = supervisor.AgencyId ?? Guid.Empty;
        var today = PalopoTime.Today(clock);

        var officers = await agencyOfficers.ListAsync(agencyId, ct);
        var counts = await db.ServiceRequests.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.AwaitsOfficer)
            .GroupBy(r => r.AssignedOfficerId)
            .Select(g => new
            {
                OfficerId = g.Key,
                Open = g.Count(),
                Overdue = g.Count(r => r.DueOn < today),
                DueToday = g.Count(r => r.DueOn == today),
            })
            .ToListAsync(ct);

        var byOfficer = counts.Where(c => c.OfficerId is not null).ToDictionary(c => c.OfficerId!.Value);
        var names = officers.ToDictionary(o => o.UserId, o => o.FullName);
        var workload = officers
            .Select(o => byOfficer.TryGetValue(o.UserId, out var c)
                ? new OfficerWorkload(o.UserId, o.FullName, true, c.Open, c.Overdue, c.DueToday)
                : new OfficerWorkload(o.UserId, o.FullName, true, 0, 0, 0))
            // Requests still held by someone who left the agency or was deactivated: the ones to reassign first.
            .Concat(counts.Where(c => c.OfficerId is { } id && !names.ContainsKey(id))
                .Select(c => new OfficerWorkload(c.OfficerId, null, false, c.Open, c.Overdue, c.DueToday)))
            .OrderByDescending(w => w.Overdue).ThenByDescending(w => w.Open).ThenBy(w => w.OfficerName, StringComparer.CurrentCulture)
            .ToList();
        var unassigned = counts.FirstOrDefault(c => c.OfficerId is null) is { } u
            ? new OfficerWorkload(null, null, false, u.Open, u.Overdue, u.DueToday)
            : new OfficerWorkload(null, null, false, 0, 0, 0);

        var overdueRows = await (
                from r in db.ServiceRequests.AsNoTracking()
                where r.AgencyId == agencyId && r.AwaitsOfficer && r.DueOn < today
                join s in db.Services.AsNoTracking() on r.ServiceId equals s.Id
                orderby r.DueOn, r.Id
                select new { r.ReferenceNumber, s.Name, r.Status, r.DueOn, r.AssignedOfficerId })
            .Take(SupervisorOverview.OverdueListLimit)
            .ToListAsync(ct);

        var calendar = await calendars.GetAsync(ct);
        var overdue = overdueRows
            .Select(r => new OverdueRequest(
                r.ReferenceNumber!, r.Name, r.Status, r.DueOn!.Value, calendar.WorkingDaysBetween(r.DueOn.Value, today),
                r.AssignedOfficerId, r.AssignedOfficerId is { } id ? names.GetValueOrDefault(id) : null))
            .ToList();

        return new SupervisorOverview(today, workload, unassigned, overdue);
    }
}

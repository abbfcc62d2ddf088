using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Application.Calendar;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Officer.Queues;

public enum QueueDue
{
    Any,
    Today,
    Overdue,
}

/// <summary>Where the next page starts: the last row's due date and id (keyset paging, never OFFSET).</summary>
public sealed record QueueCursor(DateOnly DueOn, Guid Id)
{
    /// <summary>"2026-03-05|3f2c…": what the "Berikutnya" link carries as <c>setelah</c>.</summary>
    public override string ToString() =>
        DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + Id.ToString("D");

    public static bool TryParse(string? text, out QueueCursor? cursor)
    {
        cursor = null;
        var parts = (text ?? "").Split('|');
        if (parts.Length != 2
            || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            || !Guid.TryParseExact(parts[1], "D", out var id))
            return false;
        cursor = new QueueCursor(due, id);
        return true;
    }
}

/// <summary>
/// The queue's filters. <see cref="Status"/> null means "awaiting an officer" (submitted, in review,
/// resubmitted) unless a <see cref="Reference"/> is searched, which finds the request in any state.
/// </summary>
public sealed record QueueFilter
{
    public Guid? ServiceId { get; init; }

    public int? Step { get; init; }

    public RequestStatus? Status { get; init; }

    public string? KelurahanCode { get; init; }

    public bool MineOnly { get; init; }

    public QueueDue Due { get; init; }

    public bool Descending { get; init; }

    /// <summary>An exact, normalised reference number (PLP-2026-000123).</summary>
    public string? Reference { get; init; }

    public QueueCursor? After { get; init; }
}

/// <summary>One row of the queue. No NIK, no answers: the request page shows those (and logs the view).</summary>
public sealed record QueueItem(
    Guid Id,
    string ReferenceNumber,
    string ServiceSlug,
    LocalizedText ServiceName,
    int Step,
    LocalizedText? StepName,
    RequestStatus Status,
    RequestChannel Channel,
    string? ApplicantName,
    DateTime SubmittedAtUtc,
    DateOnly DueOn,
    bool IsPaused,
    bool IsOverdue,
    int WorkingDaysLeft,
    int WorkingDaysOverdue,
    Guid? AssignedOfficerId,
    string? AssignedOfficerName);

/// <summary>A service of the officer's agency, for the filter and the step names.</summary>
public sealed record QueueService(Guid Id, string Slug, LocalizedText Name, IReadOnlyList<LocalizedText> Steps);

public sealed record QueuePage(IReadOnlyList<QueueItem> Items, QueueCursor? Next, DateOnly Today);

/// <summary>
/// The agency's queue (/petugas/antrian): only requests whose AgencyId is the officer's agency,
/// by due date then id, 25 a page with keyset paging. One statement for the rows (left joins for the
/// applicant's and the assigned officer's names); the holiday calendar and the agency's services
/// (<see cref="ServicesAsync"/>) come from memory. The default (awaiting an officer, ascending)
/// is a range read of the (AgencyId, AwaitsOfficer, DueOn, Id) index.
/// </summary>
public sealed class ListQueue(
    IPortalDbContext db, IAccountQuery accounts, IDefaultQueueQuery defaultQueue, WorkingCalendarProvider calendars, AgencyServicesCache servicesCache, TimeProvider clock)
{
    public const int PageSize = 25;

    private static readonly PerModelQuery<Func<DbContext, Guid, IAsyncEnumerable<ServiceRow>>> AgencyServices = new(() =>
        EF.CompileAsyncQuery((DbContext db, Guid agencyId) =>
            db.Set<Service>().AsNoTracking()
                .Where(s => s.AgencyId == agencyId)
                .OrderBy(s => s.SortOrder).ThenBy(s => s.Slug)
                .Select(s => new ServiceRow(s.Id, s.Slug, s.Name, s.Workflow))));

    private sealed record ServiceRow(Guid Id, string Slug, LocalizedText Name, IReadOnlyList<WorkflowStep> Workflow);

    /// <summary>
    /// The agency's services with their workflow step names (a handful of rows, but their workflow
    /// JSON made this a fifth of the queue page's time): kept in memory until the catalogue changes.
    /// </summary>
    public async Task<IReadOnlyList<QueueService>> ServicesAsync(StaffMember officer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var agencyId = officer.AgencyId ?? Guid.Empty;
        return await servicesCache.Entries.GetOrLoadAsync(agencyId, clock.GetUtcNow().UtcDateTime, AgencyServicesCache.Lifetime, async () =>
        {
            var rows = await AgencyServices.For(db)((DbContext)db, agencyId).ToListAsync(ct);
            return (IReadOnlyList<QueueService>)[.. rows.Select(s => new QueueService(s.Id, s.Slug, s.Name, [.. s.Workflow.Select(w => w.Name)]))];
        });
    }

    public async Task<QueuePage> HandleAsync(StaffMember officer, IReadOnlyList<QueueService> services, QueueFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(filter);
        var agencyId = officer.AgencyId ?? Guid.Empty;
        var me = officer.UserId;
        var today = PalopoTime.Today(clock);

        var rows = IsDefault(filter)
            ? await defaultQueue.ReadAsync(agencyId, filter.After, PageSize + 1, ct)
            : await FilteredRowsAsync(filter, agencyId, me, today, ct);

        var calendar = rows.Count == 0 ? null : await calendars.GetAsync(ct);
        var byId = services.ToDictionary(s => s.Id);
        var items = new List<QueueItem>(Math.Min(rows.Count, PageSize));
        foreach (var r in rows.Take(PageSize))
        {
            var service = byId.GetValueOrDefault(r.ServiceId);
            var due = r.DueOn!.Value;
            var paused = r.ClockPausedOn is not null;
            var open = RequestLifecycle.IsOpen(r.Status);
            var overdue = open && !paused && today > due;
            items.Add(new QueueItem(
                r.Id, r.ReferenceNumber ?? "", service?.Slug ?? "", service?.Name ?? new LocalizedText("", ""), r.CurrentStep,
                service is not null && r.CurrentStep < service.Steps.Count ? service.Steps[r.CurrentStep] : null,
                r.Status, r.Channel, r.ApplicantName, r.SubmittedAtUtc ?? default, due, paused, overdue,
                open && !paused && due >= today ? calendar!.WorkingDaysBetween(today, due) : 0,
                overdue ? Math.Max(1, calendar!.WorkingDaysBetween(due, today)) : 0,
                r.AssignedOfficerId, r.OfficerName));
        }

        var next = rows.Count > PageSize ? new QueueCursor(items[^1].DueOn, items[^1].Id) : null;
        return new QueuePage(items, next, today);
    }

    /// <summary>The queue as an officer opens it, read by <see cref="IDefaultQueueQuery"/> (compiled).</summary>
    private static bool IsDefault(QueueFilter filter) =>
        filter is { Status: null, Reference: null, ServiceId: null, Step: null, MineOnly: false, Due: QueueDue.Any, Descending: false }
        && string.IsNullOrEmpty(filter.KelurahanCode);

    /// <summary>Any other view: the filters compose one statement of the same shape.</summary>
    private async Task<List<QueueRow>> FilteredRowsAsync(QueueFilter filter, Guid agencyId, Guid me, DateOnly today, CancellationToken ct)
    {
        // Booleans are compared with a parameter, never tested bare: SQLite uses an index column only
        // for "AwaitsOfficer = ?", and EF would render "== true" as the bare column.
        var awaiting = true;
        var q = db.ServiceRequests.AsNoTracking().Where(r => r.AgencyId == agencyId && r.DueOn != null);

        if (filter.Status is { } status)
        {
            // Every status is either awaiting an officer or not: saying which keeps the index prefix usable.
            var awaits = status is RequestStatus.Submitted or RequestStatus.InReview or RequestStatus.Resubmitted;
            q = q.Where(r => r.AwaitsOfficer == awaits && r.Status == status);
        }
        else if (filter.Reference is null)
        {
            q = q.Where(r => r.AwaitsOfficer == awaiting);
        }

        if (filter.Reference is { } reference)
            q = q.Where(r => r.ReferenceNumber == reference);
        if (filter.ServiceId is { } serviceId)
            q = q.Where(r => r.ServiceId == serviceId);
        if (filter.Step is { } step)
            q = q.Where(r => r.CurrentStep == step);
        if (filter.MineOnly)
            q = q.Where(r => r.AssignedOfficerId == me);
        if (filter.Due == QueueDue.Today)
            q = q.Where(r => r.AwaitsOfficer == awaiting && r.DueOn == today);
        else if (filter.Due == QueueDue.Overdue)
            q = q.Where(r => r.AwaitsOfficer == awaiting && r.DueOn < today);
        if (!string.IsNullOrEmpty(filter.KelurahanCode))
        {
            var code = filter.KelurahanCode;
            var residents = accounts.Accounts.Where(a => a.KelurahanCode == code).Select(a => (Guid?)a.Id);
            q = q.Where(r => residents.Contains(r.ApplicantUserId));
        }

        if (filter.After is { } after)
        {
            var d = after.DueOn;
            var id = after.Id;
            q = filter.Descending
                ? q.Where(r => r.DueOn < d || (r.DueOn == d && r.Id.CompareTo(id) < 0))
                : q.Where(r => r.DueOn > d || (r.DueOn == d && r.Id.CompareTo(id) > 0));
        }

        // The same joins and projection as IDefaultQueueQuery's compiled statement: keep them alike.
        var joined =
            from r in q
            join a in accounts.Accounts on r.ApplicantUserId equals (Guid?)a.Id into applicants
            from a in applicants.DefaultIfEmpty()
            join o in accounts.Accounts on r.AssignedOfficerId equals (Guid?)o.Id into officers
            from o in officers.DefaultIfEmpty()
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
            };
        joined = filter.Descending
            ? joined.OrderByDescending(r => r.DueOn).ThenByDescending(r => r.Id)
            : joined.OrderBy(r => r.DueOn).ThenBy(r => r.Id);
        return await joined.Take(PageSize + 1).ToListAsync(ct);
    }
}

/// <summary>Each agency's services for its queue, on this node; dropped when any node changes the catalogue.</summary>
public sealed class AgencyServicesCache
{
    /// <summary>A safety net only: a change reaches every node through its signal.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public AgencyServicesCache(CacheSignalBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        Entries = new(bus, capacity: 256);
        Entries.ClearOn(CacheTopics.Catalogue);
    }

    internal SignalledCache<Guid, IReadOnlyList<QueueService>> Entries { get; }
}

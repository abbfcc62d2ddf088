using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Application.PersonalData;

/// <summary>One access to the citizen's data: when, who (name and agency), what, and which request.</summary>
public sealed record MyDataAccessItem(
    DateTime AtUtc, string ActorName, LocalizedText? AgencyName, AuditAction Action, string? Reference);

/// <summary>A page of the access log, newest first.</summary>
public sealed record MyDataAccessPage(IReadOnlyList<MyDataAccessItem> Items, int Page, bool HasPrevious, bool HasNext);

/// <summary>
/// "Who looked at my data": every audit entry whose data subject is the given citizen, newest
/// first. Only <see cref="AuditEntry.DataSubjectUserId"/> selects rows, so nobody else's entries
/// can appear. The entry's free-text detail is not shown (it is written for staff).
/// </summary>
public sealed class MyDataAccessLog(IPortalDbContext db)
{
    public const int PageSize = 25;

    public async Task<MyDataAccessPage> ListAsync(Guid dataSubjectUserId, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, 100_000);
        var rows = await Query(dataSubjectUserId)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(ct);
        return new MyDataAccessPage([.. rows.Take(PageSize)], page, page > 1, rows.Count > PageSize);
    }

    /// <summary>The whole log, newest first (for the export).</summary>
    public async Task<IReadOnlyList<MyDataAccessItem>> AllAsync(Guid dataSubjectUserId, CancellationToken ct) =>
        await Query(dataSubjectUserId).ToListAsync(ct);

    private IQueryable<MyDataAccessItem> Query(Guid dataSubjectUserId) =>
        from e in db.AuditEntries.AsNoTracking()
        where e.DataSubjectUserId == dataSubjectUserId
        join a in db.Agencies on e.ActorAgencyId equals (Guid?)a.Id into agencies
        from a in agencies.DefaultIfEmpty()
        orderby e.AtUtc descending, e.Id descending
        select new MyDataAccessItem(
            e.AtUtc, e.ActorName, a == null ? null : new LocalizedText(a.Name, a.NameEn), e.Action, e.Reference);
}

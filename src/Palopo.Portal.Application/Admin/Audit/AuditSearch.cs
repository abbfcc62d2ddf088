using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Audit;

namespace Palopo.Portal.Application.Admin.Audit;

/// <summary>The audit screen's filter. Dates are Palopo dates (WITA), both ends included.</summary>
public sealed record AuditFilter(string? User, AuditAction? Action, DateOnly? From, DateOnly? To, string? Reference)
{
    public static AuditFilter None { get; } = new(null, null, null, null, null);
}

public sealed record AuditRow(
    Guid Id, DateTime AtUtc, AuditAction Action, Guid? ActorUserId, string ActorName, Guid? ActorAgencyId,
    string SubjectType, Guid? SubjectId, Guid? DataSubjectUserId, string? Reference, string? Detail);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Page, bool HasMore);

/// <summary>Finds the accounts a free-text "user" filter means (by e-mail or name).</summary>
public interface IAuditUserLookup
{
    /// <summary>Ids of at most <paramref name="limit"/> accounts whose e-mail or name contains <paramref name="text"/>.</summary>
    Task<IReadOnlyList<Guid>> FindAsync(string text, int limit, CancellationToken ct);
}

/// <summary>
/// Reads the append-only audit trail, newest first. Paging is bounded (the screen goes at most
/// <see cref="MaxPage"/> pages deep; the CSV export carries up to <see cref="MaxExportRows"/> rows),
/// so no query walks the whole table; AtUtc and (Action, AtUtc) are indexed.
/// There is deliberately no way here, or anywhere, to change or delete an entry.
/// </summary>
public sealed class AuditSearch(IPortalDbContext db, IAuditUserLookup users)
{
    public const int PageSize = 50;
    public const int MaxPage = 200;
    public const int MaxExportRows = 100_000;
    public const int MaxUserMatches = 200;

    public async Task<AuditPage> PageAsync(AuditFilter filter, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, MaxPage);
        var rows = await (await QueryAsync(filter, ct))
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(ct);
        return new AuditPage([.. rows.Take(PageSize)], page, rows.Count > PageSize && page < MaxPage);
    }

    /// <summary>Rows for the export, streamed from the database (newest first, at most <see cref="MaxExportRows"/>).</summary>
    public async IAsyncEnumerable<AuditRow> ExportAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in (await QueryAsync(filter, ct)).Take(MaxExportRows).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }

    private async Task<IQueryable<AuditRow>> QueryAsync(AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.Action is { } action)
            query = query.Where(a => a.Action == action);
        if (filter.From is { } from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - PalopoTime.Offset;
            query = query.Where(a => a.AtUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - PalopoTime.Offset;
            query = query.Where(a => a.AtUtc < toUtc);
        }

        if (!string.IsNullOrWhiteSpace(filter.Reference))
        {
            var reference = filter.Reference.Trim().ToUpperInvariant();
            query = query.Where(a => a.Reference != null && a.Reference.ToUpper().StartsWith(reference));
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var text = filter.User.Trim();
            var lower = text.ToLowerInvariant();
            var ids = (await users.FindAsync(text, MaxUserMatches, ct)).ToArray();
            // The person who acted, or the account acted upon (staff changes, whose data was seen).
            query = query.Where(a => a.ActorName.ToLower().Contains(lower)
                || (a.ActorUserId != null && ids.Contains(a.ActorUserId.Value))
                || (a.DataSubjectUserId != null && ids.Contains(a.DataSubjectUserId.Value))
                || (a.SubjectType == "User" && a.SubjectId != null && ids.Contains(a.SubjectId.Value)));
        }

        return query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.Action, a.ActorUserId, a.ActorName, a.ActorAgencyId,
                a.SubjectType, a.SubjectId, a.DataSubjectUserId, a.Reference, a.Detail));
    }
}

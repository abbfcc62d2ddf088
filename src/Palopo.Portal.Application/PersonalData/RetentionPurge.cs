using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Files;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.PersonalData;

/// <summary>Settings under "Retention" for the purge job.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    public bool Enabled { get; set; } = true;

    /// <summary>Minutes between runs (each node runs its own; the work is idempotent).</summary>
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>A draft untouched for this many days is deleted with its files.</summary>
    public int AbandonedDraftDays { get; set; } = 90;

    /// <summary>A stored file with no row is deleted only when older than this (in-flight uploads have no row yet).</summary>
    public int OrphanFileGraceHours { get; set; } = 24;
}

public sealed record RetentionReport(int DraftsDeleted, int FilesDeleted);

/// <summary>
/// Storage limitation (UU PDP Pasal 16(2)): deletes abandoned drafts and orphaned upload files. Safe on
/// several nodes at once: each draft is deleted by a conditional delete (only one node's delete hits
/// the row), and deleting a file that is already gone is a no-op.
/// </summary>
public sealed class RetentionPurge(IPortalDbContext db, IFileStore files, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionPurge> logger)
{
    public async Task<RetentionReport> RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var draftCutoff = now.AddDays(-settings.AbandonedDraftDays);
        var drafts = 0;
        var deletedFiles = 0;

        var stale = await db.ServiceRequests.AsNoTracking()
            .Where(r => r.Status == RequestStatus.Draft && r.UpdatedAtUtc < draftCutoff)
            .Select(r => r.Id).Take(500).ToListAsync(ct);
        foreach (var id in stale)
        {
            var stored = await db.RequestDocuments.AsNoTracking().Where(d => d.RequestId == id).Select(d => d.StoredName).ToListAsync(ct);
            // Re-checks the condition in the delete itself: a draft touched meanwhile, or already purged by another node, stays untouched.
            var deleted = await db.ServiceRequests
                .Where(r => r.Id == id && r.Status == RequestStatus.Draft && r.UpdatedAtUtc < draftCutoff)
                .ExecuteDeleteAsync(ct);
            if (deleted == 0)
                continue;
            drafts++;
            foreach (var name in stored)
            {
                await files.DeleteAsync(name, ct);
                deletedFiles++;
            }
        }

        var graceCutoff = now.AddHours(-settings.OrphanFileGraceHours);
        var candidates = new List<string>();
        await foreach (var name in files.ListAsync(ct))
        {
            if (await files.WrittenAtUtcAsync(name, ct) is { } written && written < graceCutoff)
                candidates.Add(name);
        }

        foreach (var chunk in candidates.Chunk(200))
        {
            var names = chunk.ToList();
            // A file is referenced by an uploaded request document or by an issued document's PDF.
            var referenced = await db.RequestDocuments.AsNoTracking().Where(d => names.Contains(d.StoredName)).Select(d => d.StoredName)
                .Concat(db.IssuedDocuments.AsNoTracking().Where(d => names.Contains(d.StoredName)).Select(d => d.StoredName))
                .ToListAsync(ct);
            foreach (var orphan in names.Except(referenced, StringComparer.Ordinal))
            {
                await files.DeleteAsync(orphan, ct);
                deletedFiles++;
            }
        }

        if (drafts > 0 || deletedFiles > 0)
            logger.LogInformation("Retention purge deleted {Drafts} abandoned drafts and {Files} files", drafts, deletedFiles);
        return new RetentionReport(drafts, deletedFiles);
    }
}

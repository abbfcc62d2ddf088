using Palopo.Portal.Application.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Files;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Officer.Review;

/// <summary>An uploaded file opened by staff; <see cref="Inline"/> when the browser may show it (PDF, JPEG, PNG).</summary>
public sealed record OfficerDocument(DocumentDownload File, bool Inline);

/// <summary>
/// Streams a request's uploaded file (current or replaced: the diff links both) to an officer of the
/// agency that owns the request, found by reference number and document id together; anything else
/// gives null (404). Every opening writes a DocumentViewed audit entry for the citizen's access log.
/// </summary>
public sealed class OfficerDocumentFiles(IPortalDbContext db, IFileStore files, AuditTrail audit, ILogger<OfficerDocumentFiles> logger)
{
    public async Task<OfficerDocument?> OpenAsync(string? referenceNumber, Guid documentId, StaffMember staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var reference = ReferenceNumber.Normalize(referenceNumber);
        if (!ReferenceNumber.IsWellFormed(reference) || staff.AgencyId is not { } agencyId || !staff.IsOfficer)
            return null;

        var document = await (
                from d in db.RequestDocuments.AsNoTracking()
                join r in db.ServiceRequests on d.RequestId equals r.Id
                where d.Id == documentId && r.ReferenceNumber == reference && r.AgencyId == agencyId && r.SubmittedAtUtc != null
                select new { d.StoredName, d.FileName, d.ContentType, d.SizeBytes, d.RequirementKey, RequestId = r.Id, r.ApplicantUserId })
            .FirstOrDefaultAsync(ct);
        if (document is null)
            return null;

        var content = await files.OpenReadAsync(document.StoredName, ct);
        if (content is null)
        {
            logger.LogWarning("Document {DocumentId} of request {ReferenceNumber} is recorded but its file is missing", documentId, reference);
            return null;
        }

        audit.Record(AuditAction.DocumentViewed, staff, "RequestDocument", documentId, document.ApplicantUserId, reference, document.RequirementKey);
        await db.SaveChangesAsync(ct);
        return new OfficerDocument(
            new DocumentDownload(document.FileName, document.ContentType, document.SizeBytes, content),
            ReviewFiles.IsInlineType(document.ContentType));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Files;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Documents;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Documents;

/// <summary>
/// The issued PDF of a request, for the citizen who owns the request or for an officer of the issuing
/// agency (whose opening is audited for the citizen's access log). Anyone else gets null (404).
/// A revoked document stays downloadable: the holder may need to see what was revoked.
/// </summary>
public sealed class IssuedDocumentFiles(IPortalDbContext db, IFileStore files, AuditTrail audit, ILogger<IssuedDocumentFiles> logger)
{
    public async Task<DocumentDownload?> OpenForApplicantAsync(string? referenceNumber, Guid applicantUserId, CancellationToken ct)
    {
        var reference = ReferenceNumber.Normalize(referenceNumber);
        if (!ReferenceNumber.IsWellFormed(reference))
            return null;
        var document = await (
                from d in db.IssuedDocuments.AsNoTracking()
                join r in db.ServiceRequests on d.RequestId equals r.Id
                where r.ReferenceNumber == reference && r.ApplicantUserId == applicantUserId
                select d)
            .FirstOrDefaultAsync(ct);
        return document is null ? null : await OpenAsync(document, reference, ct);
    }

    public async Task<DocumentDownload?> OpenForOfficerAsync(string? referenceNumber, StaffMember staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var reference = ReferenceNumber.Normalize(referenceNumber);
        if (!ReferenceNumber.IsWellFormed(reference) || staff.AgencyId is not { } agencyId || !staff.IsOfficer)
            return null;
        var document = await (
                from d in db.IssuedDocuments.AsNoTracking()
                join r in db.ServiceRequests on d.RequestId equals r.Id
                where r.ReferenceNumber == reference && r.AgencyId == agencyId && d.AgencyId == agencyId
                select d)
            .FirstOrDefaultAsync(ct);
        if (document is null)
            return null;
        var download = await OpenAsync(document, reference, ct);
        if (download is not null)
        {
            audit.Record(AuditAction.DocumentViewed, staff, nameof(IssuedDocument), document.Id, document.HolderUserId, reference, document.Number);
            await db.SaveChangesAsync(ct);
        }

        return download;
    }

    /// <summary>The download's file name: the reference number, which the citizen knows, not the document number's slashes.</summary>
    public static string FileName(string reference) => $"dokumen-{reference}.pdf";

    private async Task<DocumentDownload?> OpenAsync(IssuedDocument document, string reference, CancellationToken ct)
    {
        var content = await files.OpenReadAsync(document.StoredName, ct);
        if (content is null)
        {
            logger.LogError("Issued document {DocumentNumber} of request {ReferenceNumber} is recorded but its file is missing", document.Number, reference);
            return null;
        }

        return new DocumentDownload(FileName(reference), "application/pdf", document.SizeBytes, content);
    }
}

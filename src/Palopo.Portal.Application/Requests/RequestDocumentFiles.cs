using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Files;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Requests;

/// <summary>An uploaded file on its way back to its owner. The caller disposes <see cref="Content"/>.</summary>
public sealed record DocumentDownload(string FileName, string ContentType, long SizeBytes, Stream Content);

/// <summary>
/// Streams a request's uploaded file back to the applicant who owns the request, found by reference
/// number and document id together; any other combination gives null (the page says 404).
/// </summary>
public sealed class RequestDocumentFiles(IPortalDbContext db, IFileStore files, ILogger<RequestDocumentFiles> logger)
{
    public async Task<DocumentDownload?> OpenForApplicantAsync(string? referenceNumber, Guid documentId, Guid applicantUserId, CancellationToken ct)
    {
        var reference = ReferenceNumber.Normalize(referenceNumber);
        if (!ReferenceNumber.IsWellFormed(reference))
            return null;

        var document = await (
                from d in db.RequestDocuments.AsNoTracking()
                join r in db.ServiceRequests on d.RequestId equals r.Id
                where d.Id == documentId && r.ReferenceNumber == reference && r.ApplicantUserId == applicantUserId
                select new { d.StoredName, d.FileName, d.ContentType, d.SizeBytes })
            .FirstOrDefaultAsync(ct);
        if (document is null)
            return null;

        var content = await files.OpenReadAsync(document.StoredName, ct);
        if (content is null)
        {
            logger.LogWarning("Document {DocumentId} of request {ReferenceNumber} is recorded but its file is missing", documentId, reference);
            return null;
        }

        return new DocumentDownload(document.FileName, document.ContentType, document.SizeBytes, content);
    }
}

using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Documents;

/// <summary>The issued-document panel of a request page (citizen's or officer's).</summary>
public sealed record IssuedDocumentPanel(
    RequestStatus Status,
    IssuanceMode Issuance,
    string? Number,
    string? CodeDisplay,
    DateTime? IssuedAtUtc,
    string? IssuedByName,
    DateTime? RevokedAtUtc,
    string? RevocationReason)
{
    public bool HasDocument => Number is not null;

    public bool IsRevoked => RevokedAtUtc is not null;

    /// <summary>Approved without a document: a ByOfficer service waiting, or an automatic issue that failed.</summary>
    public bool AwaitsIssue => Status == RequestStatus.Approved && !HasDocument;
}

public sealed class GetIssuedDocument(IPortalDbContext db)
{
    public async Task<IssuedDocumentPanel?> ForRequestAsync(Guid requestId, CancellationToken ct)
    {
        var request = await (
                from r in db.ServiceRequests.AsNoTracking()
                where r.Id == requestId
                join s in db.Services on r.ServiceId equals s.Id
                select new { r.Status, s.Issuance })
            .FirstOrDefaultAsync(ct);
        if (request is null)
            return null;
        var document = await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.RequestId == requestId)
            .Select(d => new { d.Number, d.VerificationCode, d.IssuedAtUtc, d.IssuedByName, d.RevokedAtUtc, d.RevocationReason })
            .FirstOrDefaultAsync(ct);
        return new IssuedDocumentPanel(
            request.Status, request.Issuance, document?.Number,
            document is null ? null : Domain.Documents.VerificationCode.Display(document.VerificationCode),
            document?.IssuedAtUtc, document?.IssuedByName, document?.RevokedAtUtc, document?.RevocationReason);
    }
}

using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Documents;
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
    /// <summary>The request, its service's issuing mode and its document if any (one per request): one compiled statement.</summary>
    private static readonly PerModelQuery<Func<DbContext, Guid, CancellationToken, Task<PanelRow?>>> PanelQuery = new(() =>
        EF.CompileAsyncQuery((DbContext db, Guid requestId, CancellationToken ct) =>
            (from r in db.Set<ServiceRequest>().AsNoTracking()
             where r.Id == requestId
             join s in db.Set<Service>() on r.ServiceId equals s.Id
             join d in db.Set<IssuedDocument>() on r.Id equals d.RequestId into documents
             from d in documents.DefaultIfEmpty()
             select new PanelRow(
                 r.Status, s.Issuance, d == null ? null : d.Number, d == null ? null : d.VerificationCode,
                 d == null ? null : d.IssuedAtUtc, d == null ? null : d.IssuedByName, d == null ? null : d.RevokedAtUtc,
                 d == null ? null : d.RevocationReason))
            .FirstOrDefault()));

    public async Task<IssuedDocumentPanel?> ForRequestAsync(Guid requestId, CancellationToken ct)
    {
        var row = await PanelQuery.For(db)((DbContext)db, requestId, ct);
        if (row is null)
            return null;
        return new IssuedDocumentPanel(
            row.Status, row.Issuance, row.Number,
            row.VerificationCode is null ? null : Domain.Documents.VerificationCode.Display(row.VerificationCode),
            row.IssuedAtUtc, row.IssuedByName, row.RevokedAtUtc, row.RevocationReason);
    }

    private sealed record PanelRow(
        RequestStatus Status, IssuanceMode Issuance, string? Number, string? VerificationCode, DateTime? IssuedAtUtc,
        string? IssuedByName, DateTime? RevokedAtUtc, string? RevocationReason);
}

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Files;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Documents;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Documents;

public enum VerificationStatus
{
    Valid,
    Revoked,
    Unknown,
}

/// <summary>
/// What the public verification page may show, and nothing more: the status, the document type,
/// the holder's name and masked NIK, the issue date, the agency, and when it was revoked.
/// </summary>
public sealed record VerificationResult(
    VerificationStatus Status,
    string? CodeDisplay = null,
    string? Title = null,
    string? TitleEn = null,
    string? HolderName = null,
    string? HolderNikMasked = null,
    DateTime? IssuedAtUtc = null,
    string? AgencyName = null,
    DateTime? RevokedAtUtc = null)
{
    public static VerificationResult Unknown { get; } = new(VerificationStatus.Unknown);
}

public enum FileCheckOutcome
{
    /// <summary>Byte for byte the PDF the city issued (the result says whether it is still valid).</summary>
    Authentic,

    /// <summary>A PDF, but not one the city issued: changed, re-saved, or made elsewhere.</summary>
    NotAuthentic,

    NotPdf,
    TooLarge,
    Empty,
}

public sealed record FileCheckResult(FileCheckOutcome Outcome, VerificationResult? Document = null);

/// <summary>
/// Public, anonymous checks of an issued document: by its code (typed, or opened from the QR code) or
/// by uploading the PDF. Every check writes a DocumentVerified audit line with the outcome and a keyed
/// pseudonym of the client's address (never the address itself).
/// </summary>
public sealed class VerifyDocument(IPortalDbContext db, IDocumentSigner signer, TimeProvider clock)
{
    /// <summary>Issued PDFs are a page or two; anything far bigger is not one of ours.</summary>
    public const long MaxUploadBytes = 5 * 1024 * 1024;

    public async Task<VerificationResult> ByCodeAsync(string? input, string? clientAddress, CancellationToken ct)
    {
        var code = VerificationCode.Normalize(input);
        var document = code is null ? null : await db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.VerificationCode == code, ct);
        var result = document is null ? VerificationResult.Unknown : Describe(document);
        await LogAsync(document, result.Status.ToString(), "code", clientAddress, ct);
        return result;
    }

    public async Task<FileCheckResult> ByFileAsync(Stream content, long length, string? clientAddress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length <= 0)
            return new(FileCheckOutcome.Empty);
        if (length > MaxUploadBytes)
            return new(FileCheckOutcome.TooLarge);

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxUploadBytes)
            return new(FileCheckOutcome.TooLarge);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (FileTypeSniffer.Detect(bytes[..Math.Min(bytes.Length, FileTypeSniffer.HeaderLength)]) != DocumentFileType.Pdf)
            return new(FileCheckOutcome.NotPdf);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var document = await db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Sha256 == sha256, ct);
        // The hash alone could be planted in the database; the HMAC needs the key kept outside it.
        var authentic = document is not null && signer.Verify(document.VerificationCode, sha256, document.Signature);
        await LogAsync(authentic ? document : null, authentic ? "FileAuthentic" : "FileNotAuthentic", "file", clientAddress, ct);
        return authentic ? new(FileCheckOutcome.Authentic, Describe(document!)) : new(FileCheckOutcome.NotAuthentic);
    }

    private static VerificationResult Describe(IssuedDocument d) => new(
        d.IsRevoked ? VerificationStatus.Revoked : VerificationStatus.Valid,
        VerificationCode.Display(d.VerificationCode), d.Title, d.TitleEn, d.HolderName, d.HolderNikMasked, d.IssuedAtUtc, d.AgencyName, d.RevokedAtUtc);

    private async Task LogAsync(IssuedDocument? document, string outcome, string how, string? clientAddress, CancellationToken ct)
    {
        var client = string.IsNullOrEmpty(clientAddress) ? "-" : signer.Pseudonym("client:" + clientAddress);
        db.AuditEntries.Add(new AuditEntry(
            AuditAction.DocumentVerified, clock.GetUtcNow().UtcDateTime, null, "Publik", null,
            nameof(IssuedDocument), document?.Id, document?.HolderUserId, document?.Number, $"{outcome} by {how}; client {client}"));
        await db.SaveChangesAsync(ct);
    }
}

namespace Palopo.Portal.Application.Documents;

/// <summary>What an issued PDF says. Holder data is the name and the masked NIK only.</summary>
public sealed record DocumentContent(
    string Title,
    string AgencyName,
    string Number,
    string ReferenceNumber,
    string HolderName,
    string? HolderNikMasked,
    DateOnly IssuedOn,
    string IssuedByName,
    string VerificationCodeDisplay,
    string VerificationUrl,
    string VerificationPageUrl,
    string ContentSeal);

/// <summary>Renders an issued document as PDF bytes (fonts embedded, QR code included).</summary>
public interface IDocumentRenderer
{
    byte[] Render(DocumentContent content);
}

/// <summary>
/// HMAC-SHA256 with the city's document key, which lives in configuration, never in the database:
/// a row inserted by someone with database access alone does not verify.
/// </summary>
public interface IDocumentSigner
{
    /// <summary>Signature over a document's code and the SHA-256 of its exact PDF bytes.</summary>
    string Sign(string verificationCode, string sha256Hex);

    bool Verify(string verificationCode, string sha256Hex, string signature);

    /// <summary>Seal over the document's printed content, embedded in the PDF's metadata.</summary>
    string Seal(string canonicalContent);

    /// <summary>A short keyed pseudonym (e.g. of a client address) for the audit log: linkable, not reversible.</summary>
    string Pseudonym(string value);
}

/// <summary>Hands out document numbers AGENCY/YYYY/NNNNNN, sequential per agency and year.</summary>
public interface IDocumentNumberGenerator
{
    /// <summary>Makes sure the counter exists. Call outside the issuing transaction.</summary>
    Task EnsureCounterAsync(string agencyCode, int year, CancellationToken ct);

    /// <summary>The next number. Call inside the issuing transaction, as its first write.</summary>
    Task<string> NextAsync(string agencyCode, int year, CancellationToken ct);
}

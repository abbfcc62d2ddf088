using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Domain.Documents;

/// <summary>
/// A document the city issued for an approved request: the PDF (stored under a generated name), its
/// number, the public verification code, a snapshot of what the PDF says about its holder (name and
/// masked NIK only), and the SHA-256 of the exact PDF bytes with an HMAC over it, so an uploaded copy
/// can be checked byte for byte. A supervisor may revoke it; it is never deleted.
/// </summary>
public sealed class IssuedDocument
{
    public const int MaxRevocationReasonLength = 500;

    private IssuedDocument() { }

    public IssuedDocument(
        Guid requestId, Guid agencyId, Guid? holderUserId, string number, string verificationCode,
        string title, string titleEn, string holderName, string? holderNikMasked, string agencyName,
        Guid? issuedByUserId, string issuedByName, DateTime issuedAtUtc)
    {
        if (string.IsNullOrWhiteSpace(number))
            throw new DomainRuleException("An issued document needs a number.");
        if (Documents.VerificationCode.Normalize(verificationCode) != verificationCode)
            throw new DomainRuleException("A verification code must be 16 characters of Crockford base32 in canonical form.");
        if (holderNikMasked is not null && !IsMasked(holderNikMasked))
            throw new DomainRuleException("Only a masked NIK may be kept on an issued document.");
        if (string.IsNullOrWhiteSpace(holderName))
            throw new DomainRuleException("An issued document names its holder.");

        Id = Guid.NewGuid();
        RequestId = requestId;
        AgencyId = agencyId;
        HolderUserId = holderUserId;
        Number = number;
        VerificationCode = verificationCode;
        Title = title;
        TitleEn = titleEn;
        HolderName = holderName.Trim();
        HolderNikMasked = holderNikMasked;
        AgencyName = agencyName;
        IssuedByUserId = issuedByUserId;
        IssuedByName = issuedByName;
        IssuedAtUtc = issuedAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The citizen's account, if the request has one (assisted requests may not, yet).</summary>
    public Guid? HolderUserId { get; private set; }

    /// <summary>e.g. DISDUKCAPIL/2026/000012.</summary>
    public string Number { get; private set; } = "";

    /// <summary>Canonical 16-character code (see <see cref="Documents.VerificationCode"/>).</summary>
    public string VerificationCode { get; private set; } = "";

    /// <summary>The document type: the service's name when issued (Indonesian and English).</summary>
    public string Title { get; private set; } = "";

    public string TitleEn { get; private set; } = "";

    public string HolderName { get; private set; } = "";

    /// <summary>e.g. 7373********0001; never the full NIK.</summary>
    public string? HolderNikMasked { get; private set; }

    public string AgencyName { get; private set; } = "";

    public Guid? IssuedByUserId { get; private set; }

    public string IssuedByName { get; private set; } = "";

    public DateTime IssuedAtUtc { get; private set; }

    /// <summary>Generated name in the file store; set once the PDF is stored.</summary>
    public string StoredName { get; private set; } = "";

    public long SizeBytes { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the exact PDF bytes.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>Base64 HMAC-SHA256, made with a key kept outside the database, over the code and the hash.</summary>
    public string Signature { get; private set; } = "";

    public DateTime? RevokedAtUtc { get; private set; }

    public Guid? RevokedByUserId { get; private set; }

    public string? RevokedByName { get; private set; }

    public string? RevocationReason { get; private set; }

    public bool IsRevoked => RevokedAtUtc is not null;

    /// <summary>Records the stored PDF; a document's file is attached once and never replaced.</summary>
    public void AttachFile(string storedName, long sizeBytes, string sha256, string signature)
    {
        if (StoredName.Length > 0)
            throw new DomainRuleException("The PDF of an issued document cannot be replaced.");
        if (string.IsNullOrWhiteSpace(storedName) || sizeBytes <= 0)
            throw new DomainRuleException("An issued document needs its stored file.");
        if (sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigitLower))
            throw new DomainRuleException("The hash must be lower-case hex SHA-256.");
        if (string.IsNullOrWhiteSpace(signature))
            throw new DomainRuleException("An issued document must be signed.");
        StoredName = storedName;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        Signature = signature;
    }

    public void Revoke(string reason, Guid byUserId, string byName, DateTime nowUtc)
    {
        if (IsRevoked)
            throw new DomainRuleException("This document is already revoked.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("A revocation needs a reason.");
        var trimmed = reason.Trim();
        if (trimmed.Length > MaxRevocationReasonLength)
            throw new DomainRuleException($"A revocation reason is at most {MaxRevocationReasonLength} characters.");
        if (nowUtc < IssuedAtUtc)
            throw new DomainRuleException("A document cannot be revoked before it was issued.");
        RevokedAtUtc = nowUtc;
        RevokedByUserId = byUserId;
        RevokedByName = byName;
        RevocationReason = trimmed;
    }

    private static bool IsMasked(string value) =>
        value.Length == 16 && value.AsSpan(0, 4).ToString().All(char.IsAsciiDigit) && value.AsSpan(4, 8).ToString().All(c => c == '*')
        && value.AsSpan(12).ToString().All(char.IsAsciiDigit);
}

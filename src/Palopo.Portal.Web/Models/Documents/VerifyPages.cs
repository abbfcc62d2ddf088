using Palopo.Portal.Application.Documents;

namespace Palopo.Portal.Web.Models.Documents;

/// <summary>/verifikasi: the code form and the upload form, with what was typed and why it was refused.</summary>
public sealed class VerifyPage
{
    public string? Code { get; init; }

    public string? CodeError { get; init; }

    public string? FileError { get; init; }
}

public sealed class VerifyResultPage
{
    public required VerificationResult Result { get; init; }

    public string? TypedCode { get; init; }
}

public sealed class VerifyFileResultPage
{
    public required FileCheckResult Check { get; init; }
}

/// <summary>The supervisor's revocation form.</summary>
public sealed class RevokePage
{
    public required string ReferenceNumber { get; init; }

    public required IssuedDocumentPanel Panel { get; init; }

    public string? Reason { get; init; }

    public string? ReasonError { get; init; }
}

namespace Palopo.Portal.Domain.Requests;

/// <summary>An uploaded file, stored outside the web root under a generated name.</summary>
public sealed class RequestDocument
{
    private RequestDocument() { }

    internal RequestDocument(Guid requestId, string requirementKey, string fileName, string storedName, string contentType, long sizeBytes, string sha256, DateTime uploadedAtUtc)
    {
        Id = Guid.NewGuid();
        RequestId = requestId;
        RequirementKey = requirementKey;
        FileName = fileName;
        StoredName = storedName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedAtUtc = uploadedAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public string RequirementKey { get; private set; } = "";

    /// <summary>The citizen's file name, cleaned of any path; shown, never used to find the file.</summary>
    public string FileName { get; private set; } = "";

    public string StoredName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; } = "";

    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>Set when a newer upload for the same requirement replaced this one (kept for the diff and audit).</summary>
    public DateTime? ReplacedAtUtc { get; private set; }

    internal void MarkReplaced(DateTime nowUtc) => ReplacedAtUtc = nowUtc;
}

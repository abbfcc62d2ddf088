namespace Palopo.Portal.Infrastructure.Documents;

/// <summary>
/// Settings under "Documents". The signing key is a secret kept outside the database (environment or
/// a secret store in production; a fixed key in appsettings.Development.json and the tests): without
/// it, startup fails, because documents the portal cannot sign or check would be worthless.
/// </summary>
public sealed class DocumentsOptions
{
    public const string SectionName = "Documents";

    /// <summary>Base64 of at least 32 random bytes: the HMAC-SHA256 key for issued documents.</summary>
    public string SigningKey { get; set; } = "";

    public byte[] KeyBytes() => Convert.FromBase64String(SigningKey);

    public bool HasUsableKey()
    {
        Span<byte> buffer = stackalloc byte[512];
        return Convert.TryFromBase64String(SigningKey ?? "", buffer, out var length) && length >= 32;
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Documents;

namespace Palopo.Portal.Infrastructure.Documents;

/// <summary>HMAC-SHA256 with Documents:SigningKey; each use has its own label so one MAC can never stand in for another.</summary>
internal sealed class HmacDocumentSigner(IOptions<DocumentsOptions> options) : IDocumentSigner
{
    private readonly byte[] _key = options.Value.KeyBytes();

    public string Sign(string verificationCode, string sha256Hex) =>
        Convert.ToBase64String(Mac($"palopo-document-file-v1\n{verificationCode}\n{sha256Hex}"));

    public bool Verify(string verificationCode, string sha256Hex, string signature)
    {
        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(signature ?? "", given, out var length) || length != 32)
            return false;
        return CryptographicOperations.FixedTimeEquals(given[..length], Mac($"palopo-document-file-v1\n{verificationCode}\n{sha256Hex}"));
    }

    public string Seal(string canonicalContent) =>
        Convert.ToBase64String(Mac("palopo-document-content-v1\n" + canonicalContent));

    public string Pseudonym(string value) =>
        Convert.ToHexStringLower(Mac("palopo-audit-pseudonym-v1\n" + value))[..16];

    private byte[] Mac(string message) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(message));
}

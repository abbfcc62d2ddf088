using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Palopo.Portal.Infrastructure.PersonalData;

/// <summary>
/// The Data Protection key ring sits in the database next to the data it protects (NIKs, request
/// answers). Each key's secret is therefore encrypted (AES-256-GCM) with a key-encryption key
/// that comes from configuration, never from the database: a copy of the database alone does not
/// reveal a single NIK. The key-encryption key is derived (HKDF-SHA256, its own label) from
/// <c>PersonalData:BlindIndexKey</c>, a secret that already must be kept outside the database and
/// never changed (docs/security.md "Keys").
/// </summary>
internal static class KeyRingEncryption
{
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("Palopo.Portal.DataProtection.KeyEncryption.v1");

    public static byte[] KeyEncryptionKey(PersonalDataOptions options) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(options.BlindIndexKey), 32, info: Label);
}

/// <summary>Encrypts a Data Protection key's secret element before it is written to the database.</summary>
internal sealed class ConfiguredKeyXmlEncryptor(byte[] keyEncryptionKey) : IXmlEncryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(keyEncryptionKey, TagSize))
            aes.Encrypt(nonce, plain, cipher, tag);
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement("palopoEncryptedKey",
            new XAttribute("version", "1"),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(cipher)));
        return new EncryptedXmlInfo(element, typeof(ConfiguredKeyXmlDecryptor));
    }
}

/// <summary>Decrypts what <see cref="ConfiguredKeyXmlEncryptor"/> wrote; Data Protection creates it by type name.</summary>
public sealed class ConfiguredKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = KeyRingEncryption.KeyEncryptionKey(services.GetRequiredService<IOptions<PersonalDataOptions>>().Value);
        var nonce = Convert.FromBase64String((string?)encryptedElement.Element("nonce") ?? "");
        var tag = Convert.FromBase64String((string?)encryptedElement.Element("tag") ?? "");
        var cipher = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(key, tag.Length))
            aes.Decrypt(nonce, cipher, tag, plain);
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Domain.Population;

namespace Palopo.Portal.Infrastructure.PersonalData;

/// <summary>
/// HMAC-SHA256 blind index with a configured key, and ASP.NET Core Data Protection
/// (key ring with rotation) for the reversible encryption.
/// </summary>
internal sealed class NikProtector(IDataProtectionProvider dataProtection, IOptions<PersonalDataOptions> options) : INikProtector
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Palopo.Portal.Nik.v1");
    private readonly byte[] _key = Convert.FromBase64String(options.Value.BlindIndexKey);

    public string BlindIndex(Nik nik) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(nik.Value)));

    public string Encrypt(Nik nik) => _protector.Protect(nik.Value);

    public Nik Decrypt(string cipher) => Nik.Parse(_protector.Unprotect(cipher));
}

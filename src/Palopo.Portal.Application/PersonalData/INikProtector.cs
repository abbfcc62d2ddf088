using Palopo.Portal.Domain.Population;

namespace Palopo.Portal.Application.PersonalData;

/// <summary>
/// Keeps NIKs out of the database in clear (UU PDP): encrypts them for storage and
/// derives a keyed hash (blind index) for uniqueness checks and look-ups.
/// </summary>
public interface INikProtector
{
    /// <summary>A deterministic keyed hash of the NIK: equal NIKs give equal hashes; not reversible.</summary>
    string BlindIndex(Nik nik);

    string Encrypt(Nik nik);

    Nik Decrypt(string cipher);
}

using Microsoft.AspNetCore.DataProtection;

namespace Palopo.Portal.Infrastructure.PersonalData;

/// <summary>
/// Encrypts whole columns that may hold identity numbers (request answers, correction values)
/// with ASP.NET Core Data Protection, whose key ring lives in the database and rotates (see
/// docs/security.md "Keys"). Stored values carry a "dp1:" prefix so rows written before
/// encryption existed (clear JSON) still read, and are encrypted the next time they are saved.
/// </summary>
public sealed class PersonalDataCipher
{
    public const string Purpose = "Palopo.Portal.PersonalData.Columns.v1";
    private const string Prefix = "dp1:";

    private readonly IDataProtector _protector;

    public PersonalDataCipher(IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector(Purpose);
    }

    /// <summary>For contexts made without DI (design time, tools): a process-local key, never for real data.</summary>
    public static PersonalDataCipher Ephemeral { get; } = new(new EphemeralDataProtectionProvider());

    public string Protect(string clear) => Prefix + _protector.Protect(clear);

    public string Unprotect(string stored) =>
        stored.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(stored[Prefix.Length..]) : stored;
}

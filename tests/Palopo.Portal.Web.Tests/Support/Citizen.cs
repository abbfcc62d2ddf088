using System.Globalization;

namespace Palopo.Portal.Web.Tests.Support;

/// <summary>What a citizen types into the registration form. Every <see cref="New"/> is unique (e-mail and NIK).</summary>
public sealed record Citizen(
    string FullName, string Email, string PhoneNumber, string Nik, string KelurahanCode, string Password)
{
    /// <summary>Tompotikka, Kec. Wara.</summary>
    public const string Tompotikka = "73.73.01.1001";

    private static int _sequence;

    /// <summary>The demo citizens' password (DemoAccounts:Password).</summary>
    public const string DemoPassword = "demo-palopo-2026";

    /// <summary>Pre-enrolled authenticator secret of the demo staff accounts (DemoAccounts:StaffAuthenticatorKey).</summary>
    public const string DemoStaffAuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>
    /// A fresh citizen of Palopo: NIK 7373 + district 01–09 + a real birth date (men: plain day) +
    /// a serial from 1000 up (the demo citizens have 0001 and 0002).
    /// </summary>
    public static Citizen New()
    {
        var n = Interlocked.Increment(ref _sequence);
        var district = 1 + (n % 9);
        var day = 1 + (n % 28);
        var month = 1 + (n % 12);
        var year = 70 + (n % 30);
        var nik = string.Create(CultureInfo.InvariantCulture, $"73730{district}{day:D2}{month:D2}{year:D2}{1000 + n:D4}");
        var id = Guid.NewGuid().ToString("N")[..10];
        return new Citizen(
            "Andi Nurul Fadhilah",
            $"warga.{id}@contoh.test",
            "0812 3456 7890",
            nik,
            Tompotikka,
            "kopi pagi di pantai labombo");
    }

    /// <summary>The NIK as the account page must show it: first and last four digits only.</summary>
    public string MaskedNik => Nik[..4] + "********" + Nik[^4..];

    /// <summary>The registration form's fields, all valid, privacy notice accepted.</summary>
    public Dictionary<string, string?> RegistrationFields() => new()
    {
        ["FullName"] = FullName,
        ["Email"] = Email,
        ["PhoneNumber"] = PhoneNumber,
        ["Nik"] = Nik,
        ["KelurahanCode"] = KelurahanCode,
        ["Password"] = Password,
        ["ConfirmPassword"] = Password,
        ["AcceptPrivacy"] = "true",
    };
}

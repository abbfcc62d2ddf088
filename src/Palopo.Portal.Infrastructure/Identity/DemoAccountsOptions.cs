namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>Settings under "DemoAccounts": accounts for each role, for Development and demonstrations only.</summary>
public sealed class DemoAccountsOptions
{
    public const string SectionName = "DemoAccounts";

    public bool Enabled { get; set; }

    /// <summary>Password of every demo account (README lists it).</summary>
    public string Password { get; set; } = "demo-palopo-2026";

    /// <summary>Base32 authenticator secret pre-enrolled for staff demo accounts (README lists it).</summary>
    public string StaffAuthenticatorKey { get; set; } = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
}

using Palopo.Portal.Testing;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>
/// A staff demo account seeded in Development (DemoAccountSeeder) with two-factor sign-in already set
/// up with the README's authenticator secret, and the browser steps to sign in with it.
/// </summary>
public sealed record Staff(string FullName, string Email)
{
    public const string Password = "demo-palopo-2026";

    /// <summary>The base32 secret of every staff demo account (DemoAccountsOptions.StaffAuthenticatorKey).</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>Disdukcapil's officer: verifies documents (step 1 of akta-kelahiran).</summary>
    public static readonly Staff DisdukcapilOfficer = new("Rahmat Hidayat", "petugas.disdukcapil@palopo.test");

    /// <summary>Disdukcapil's head (kepala): supervisor and officer; approves the last step.</summary>
    public static readonly Staff DisdukcapilHead = new("Muh. Ilham Syam", "kepala.disdukcapil@palopo.test");

    /// <summary>
    /// Opens <paramref name="path"/> signed out, so the portal asks for the sign-in and comes back to it:
    /// e-mail and password, then the code an authenticator app would show now. Each page is checked.
    /// </summary>
    public async Task SignInAsync(BrowserSession session, string path = "/petugas")
    {
        var page = session.Page;
        await session.GotoAsync(path);
        await page.ExpectPageAsync("/akun/masuk", "id", PortalText.Indonesian.SignInTitle);
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(Email);
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(Password);
        await session.CheckPageAsync("staff-sign-in");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();

        await page.ExpectPageAsync("/akun/masuk/2fa", "id", "Verifikasi dua langkah");
        await page.GetByLabel("Kode autentikator", new() { Exact = true }).FillAsync(Totp.Code(AuthenticatorKey, DateTimeOffset.UtcNow));
        await session.CheckPageAsync("staff-sign-in-code");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("^https?://[^/]+" + Regex.Escape(path) + "$"));
        await Expect(page.NavLink("Ruang kerja petugas")).ToBeVisibleAsync();
    }
}

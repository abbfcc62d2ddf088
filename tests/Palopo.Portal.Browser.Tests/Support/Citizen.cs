using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>A citizen account a test makes or uses, and the browser steps to get signed in with it.</summary>
public sealed record Citizen(string FullName, string Email, string Password, string Nik)
{
    /// <summary>
    /// A new Palopo resident (district 01 Wara) born on <paramref name="birthDdMmYy"/> (ddMMyy; day + 40
    /// for a woman), with a NIK serial and an e-mail address unique to this run.
    /// </summary>
    public static Citizen New(string fullName, string birthDdMmYy)
    {
        var serial = RandomNumberGenerator.GetInt32(1000, 10000).ToString(CultureInfo.InvariantCulture);
        return new(fullName, $"warga.{Guid.NewGuid():N}"[..18] + "@contoh.test", "sungai latuppa jernih sekali", "737301" + birthDdMmYy + serial);
    }

    /// <summary>
    /// Registers in the browser as <see cref="Tests.RegistrationJourneyTests"/> does: the form, the
    /// Development e-mail link, the confirmation, then signs in. Every page is checked on the way.
    /// </summary>
    public async Task RegisterAndSignInAsync(BrowserSession session, string kelurahan = "Boting")
    {
        var page = session.Page;
        await session.GotoAsync("/akun/daftar");
        await page.ExpectPageAsync("/akun/daftar", "id", PortalText.Indonesian.RegisterTitle);
        await page.GetByLabel("Nama lengkap", new() { Exact = true }).FillAsync(FullName);
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(Email);
        await page.GetByLabel("Nomor HP", new() { Exact = true }).FillAsync("0813 4567 8901");
        await page.GetByLabel("NIK", new() { Exact = true }).FillAsync(Nik);
        await page.GetByLabel("Kelurahan tempat tinggal", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = kelurahan });
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Ulangi kata sandi", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await session.CheckPageAsync("register-filled");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = PortalText.Indonesian.RegisterSubmit, Exact = true }).ClickAsync();

        await page.ExpectPageAsync("/akun/daftar/terkirim", "id", "Periksa e-mail Anda");
        await session.CheckPageAsync("check-your-email");
        await page.Locator("#dev-mail-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/dev/surat/[^/]+\.eml$"));
        var confirmLink = page.GetByRole(AriaRole.Link, new() { Name = "Konfirmasi e-mail", Exact = true });
        await Expect(confirmLink).ToBeVisibleAsync();
        await session.CheckPageAsync("confirmation-email", EmailPreview.DocumentRules);
        await confirmLink.ClickAsync();

        await page.ExpectPageAsync("/akun/konfirmasi", "id", "Akun Anda aktif");
        await session.CheckPageAsync("email-confirmed");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await SignInOnFormAsync(session);
    }

    /// <summary>Opens the sign-in page and signs in (an account with no second factor).</summary>
    public async Task SignInAsync(BrowserSession session)
    {
        await session.GotoAsync("/akun/masuk");
        await SignInOnFormAsync(session);
    }

    private async Task SignInOnFormAsync(BrowserSession session)
    {
        var page = session.Page;
        await page.ExpectPageAsync("/akun/masuk", "id", PortalText.Indonesian.SignInTitle);
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(Email);
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(Password);
        await session.CheckPageAsync("sign-in");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Expect(page.NavLink("Akun saya")).ToBeVisibleAsync();
    }
}

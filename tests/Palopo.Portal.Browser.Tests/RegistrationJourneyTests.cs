using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Palopo.Portal.Browser.Tests.Support;
using Palopo.Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests;

/// <summary>A citizen creates an account on a phone, confirms the e-mail, signs in and out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegistrationJourneyTests(PortalBrowser browser)
{
    [ChromiumFact]
    public async Task Citizen_registers_confirms_email_signs_in_sees_masked_nik_and_signs_out()
    {
        await using var session = await browser.NewSessionAsync(Viewport.Phone, "register-journey");
        var page = session.Page;
        var id = PortalText.Indonesian;

        // A Palopo NIK (district 01 Wara), a man born 15 June 1990, with a serial unique to this run.
        var serial = RandomNumberGenerator.GetInt32(1000, 10000).ToString(CultureInfo.InvariantCulture);
        var nik = "737301150690" + serial;
        var email = $"warga.{Guid.NewGuid():N}"[..18] + "@contoh.test";
        const string password = "sungai latuppa jernih sekali";

        await session.GotoAsync("/");
        await session.CheckPageAsync("home");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Buat akun", Exact = true }).ClickAsync();
        await page.ExpectPageAsync("/akun/daftar", "id", id.RegisterTitle);
        await session.CheckPageAsync("register-form");

        // Every field found by its visible label, as a screen reader user would.
        await page.GetByLabel("Nama lengkap", new() { Exact = true }).FillAsync("Andi Tenri Ajeng");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Nomor HP", new() { Exact = true }).FillAsync("0812 3456 7890");
        await page.GetByLabel("NIK", new() { Exact = true }).FillAsync(nik);
        await page.GetByLabel("Kelurahan tempat tinggal", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Boting" });
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Ulangi kata sandi", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await session.CheckPageAsync("register-form-filled");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = id.RegisterSubmit, Exact = true }).ClickAsync();

        await page.ExpectPageAsync("/akun/daftar/terkirim", "id", "Periksa e-mail Anda");
        await session.CheckPageAsync("check-your-email");

        // Development shows a link to the e-mail that was written to the pickup folder.
        await page.Locator("#dev-mail-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/dev/surat/[^/]+\.eml$"));
        var confirmLink = page.GetByRole(AriaRole.Link, new() { Name = "Konfirmasi e-mail", Exact = true });
        await Expect(confirmLink).ToBeVisibleAsync();
        await session.CheckPageAsync("confirmation-email", EmailPreview.DocumentRules);
        await confirmLink.ClickAsync();

        await page.ExpectPageAsync("/akun/konfirmasi", "id", "Akun Anda aktif");
        await session.CheckPageAsync("email-confirmed");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.ExpectPageAsync("/akun/masuk", "id", id.SignInTitle);
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(password);
        await session.CheckPageAsync("sign-in-filled");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();

        await page.ExpectPageAsync("/", "id", id.HomeTitle);
        await Expect(page.NavLink("Akun saya")).ToBeVisibleAsync();
        await session.CheckPageAsync("home-signed-in");

        await page.NavLink("Akun saya").ClickAsync();
        await page.ExpectPageAsync("/akun", "id", "Akun saya");
        await Expect(page.Locator("#masked-nik")).ToHaveTextAsync("7373********" + serial);
        Assert.DoesNotContain(nik, await page.ContentAsync(), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Boting");
        await session.CheckPageAsync("account");

        await page.NavButton("Keluar").ClickAsync();
        await page.ExpectPageAsync("/", "id", id.HomeTitle);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Anda telah keluar.");
        await Expect(page.NavLink(id.NavSignIn)).ToBeVisibleAsync();
        await session.CheckPageAsync("signed-out");

        // Signed out for real: the account page now asks for a sign-in.
        await session.GotoAsync("/akun");
        await page.ExpectPageAsync("/akun/masuk", "id", id.SignInTitle);
        await session.CheckPageAsync("account-asks-for-sign-in");
    }
}

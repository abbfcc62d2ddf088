using Microsoft.Playwright;
using Palopo.Portal.Browser.Tests.Support;
using Palopo.Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests;

/// <summary>A citizen turns on an authenticator app from the account page, then signs in with it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoFactorJourneyTests(PortalBrowser browser)
{
    // A demo citizen seeded in Development; only this test touches it (the database lives for one run).
    private const string Email = "warga2@palopo.test";
    private const string Password = "demo-palopo-2026";

    [ChromiumFact]
    public async Task Citizen_turns_on_authenticator_sees_recovery_codes_and_signs_in_with_a_code()
    {
        await using var session = await browser.NewSessionAsync(Viewport.Phone, "two-factor");
        var page = session.Page;

        await session.GotoAsync("/akun/masuk");
        await session.CheckPageAsync("sign-in");
        await SignInAsync(page);
        await session.CheckPageAsync("home-signed-in");
        await page.NavLink("Akun saya").ClickAsync();
        await page.ExpectPageAsync("/akun", "id", "Akun saya");
        await Expect(page.Locator("#two-factor-status")).ToContainTextAsync("tidak aktif");
        await session.CheckPageAsync("account-two-factor-off");

        await page.GetByRole(AriaRole.Link, new() { Name = "Aktifkan aplikasi autentikator", Exact = true }).ClickAsync();
        await page.ExpectPageAsync("/akun/2fa/aktifkan", "id", "Aktifkan aplikasi autentikator");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Kode QR untuk aplikasi autentikator" })).ToBeVisibleAsync();
        await session.CheckPageAsync("enable-authenticator");

        // Wrong code first: the message is shown beside the field, and the page still passes axe.
        await page.GetByLabel("Kode autentikator", new() { Exact = true }).FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aktifkan", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kode salah");
        await session.CheckPageAsync("enable-authenticator-wrong-code");

        // What an authenticator app would show for the key on the page.
        var sharedKey = await page.Locator("#shared-key").InnerTextAsync();
        await page.GetByLabel("Kode autentikator", new() { Exact = true }).FillAsync(Totp.Code(sharedKey, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aktifkan", Exact = true }).ClickAsync();

        await page.ExpectPageAsync("/akun/2fa/kode-pemulihan", "id", "Simpan kode pemulihan Anda");
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await session.CheckPageAsync("recovery-codes");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lanjutkan", Exact = true }).ClickAsync();
        await page.ExpectPageAsync("/akun", "id", "Akun saya");
        await Expect(page.Locator("#two-factor-status")).ToHaveTextAsync("Verifikasi dua langkah: aktif");
        await session.CheckPageAsync("account-two-factor-on");

        // The next sign-in asks for a code from the app.
        await page.NavButton("Keluar").ClickAsync();
        await page.ExpectPageAsync("/", "id", PortalText.Indonesian.HomeTitle);
        await session.CheckPageAsync("signed-out");
        await page.NavLink("Masuk").ClickAsync();
        await page.ExpectPageAsync("/akun/masuk", "id", PortalText.Indonesian.SignInTitle);
        await session.CheckPageAsync("sign-in-again");
        await SignInAsync(page, expectHome: false);
        await page.ExpectPageAsync("/akun/masuk/2fa", "id", "Verifikasi dua langkah");
        await session.CheckPageAsync("sign-in-code");
        // The next time step's code: accepted by the server's window, and never the one just used to enrol.
        await page.GetByLabel("Kode autentikator", new() { Exact = true }).FillAsync(Totp.Code(sharedKey, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button).ClickAsync();
        await page.ExpectPageAsync("/", "id", PortalText.Indonesian.HomeTitle);
        await Expect(page.NavLink("Akun saya")).ToBeVisibleAsync();
        await session.CheckPageAsync("signed-in-with-code");
    }

    private static async Task SignInAsync(IPage page, bool expectHome = true)
    {
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(Email);
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        if (expectHome)
            await page.ExpectPageAsync("/", "id", PortalText.Indonesian.HomeTitle);
    }
}

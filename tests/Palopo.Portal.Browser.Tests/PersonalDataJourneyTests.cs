using System.Globalization;
using Microsoft.Playwright;
using Palopo.Portal.Browser.Tests.Support;
using Palopo.Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests;

/// <summary>
/// UU PDP pages in Chromium with axe in both languages: a citizen files a rights request on
/// /data-saya (error state first); the admin sees it on the rights desk and records a breach.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonalDataJourneyTests(PortalBrowser browser)
{
    [ChromiumFact]
    public async Task A_citizen_files_a_rights_request_and_the_admin_sees_it_on_the_desk_and_records_a_breach()
    {
        var citizen = Citizen.New("Rina Marlina", "550595");
        await using (var session = await browser.NewSessionAsync(Viewport.Phone, "my-data-rights"))
        {
            var page = session.Page;
            await citizen.RegisterAndSignInAsync(session);
            await session.GotoAsync("/data-saya");
            await page.ExpectPageAsync("/data-saya", "id", "Data saya");
            await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permintaan", Exact = true }).ClickAsync();
            await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await Expect(page.Locator("#Kind-error")).ToHaveTextAsync("Pilih hak yang ingin Anda gunakan.");
            await session.CheckPageAsync("rights-form-errors");

            await page.GetByLabel("Perbaikan data", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Rincian permintaan", new() { Exact = true }).FillAsync("Nama saya salah eja pada akun.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permintaan", Exact = true }).ClickAsync();
            await Expect(page.Locator("#rights-status")).ToHaveTextAsync("Diterima");
            await session.CheckPageAsync("rights-request-filed");

            await session.GotoAsync("/data-saya");
            await Expect(page.Locator("#rights-list .rights-row")).ToHaveCountAsync(1);
            await session.CheckPageAsync("my-data-id");
            await session.SwitchLanguageAsync(PortalText.Indonesian, "My data");
            await Expect(page.Locator("#rights-list")).ToContainTextAsync("Correction of my data");
            await session.CheckPageAsync("my-data-en");
        }

        await using (var admin = await browser.NewSessionAsync(Viewport.Desktop, "rights-desk"))
        {
            var page = admin.Page;
            await SignInAdminAsync(admin, "/admin/hak-data");
            await page.ExpectPageAsync("/admin/hak-data", "id", "Meja hak subjek data");
            await Expect(page.Locator("#rights-desk")).ToContainTextAsync(citizen.FullName);
            await admin.CheckPageAsync("rights-desk-id");
            await page.Locator("#rights-desk tr", new() { HasText = citizen.FullName }).GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.Locator("#rights-answer")).ToBeVisibleAsync();
            await admin.CheckPageAsync("rights-request-id");

            await admin.GotoAsync("/admin/insiden/baru");
            var discovered = DateTime.UtcNow.AddHours(8 - 3).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            await page.GetByLabel("Judul singkat", new() { Exact = true }).FillAsync("E-mail terkirim ke alamat yang salah");
            await page.GetByLabel("Data yang terdampak", new() { Exact = true }).FillAsync("Nama dan nomor permohonan");
            await page.GetByLabel("Waktu terjadi (WITA)", new() { Exact = true }).FillAsync(discovered);
            await page.GetByLabel("Waktu diketahui (WITA)", new() { Exact = true }).FillAsync(discovered);
            await page.GetByLabel("Bagaimana terjadinya", new() { Exact = true }).FillAsync("Salah ketik alamat penerima.");
            await page.GetByLabel("Langkah pemulihan", new() { Exact = true }).FillAsync("Penerima diminta menghapus pesan.");
            await page.GetByLabel("Nomor permohonan atau e-mail", new() { Exact = true }).FillAsync(citizen.Email);
            await admin.CheckPageAsync("breach-form-id");
            await page.GetByRole(AriaRole.Button, new() { Name = "Simpan insiden", Exact = true }).ClickAsync();
            await Expect(page.Locator("#breach-deadline .countdown")).ToHaveTextAsync("sisa 69 jam");
            await admin.CheckPageAsync("breach-id");

            await admin.GotoAsync("/admin/insiden");
            await Expect(page.Locator("#breaches")).ToContainTextAsync("E-mail terkirim ke alamat yang salah");
            await admin.CheckPageAsync("breach-register-id");
            await admin.SwitchLanguageAsync(PortalText.Indonesian, "Personal-data breach register");
            await admin.CheckPageAsync("breach-register-en");
            await admin.GotoAsync("/admin/hak-data");
            await page.ExpectPageAsync("/admin/hak-data", "en", "Data-rights desk");
            await admin.CheckPageAsync("rights-desk-en");
        }
    }

    private static async Task SignInAdminAsync(BrowserSession session, string path)
    {
        var page = session.Page;
        await session.GotoAsync(path);
        await page.ExpectPageAsync("/akun/masuk", "id", PortalText.Indonesian.SignInTitle);
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("admin@palopo.test");
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(Staff.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.ExpectPageAsync("/akun/masuk/2fa", "id", "Verifikasi dua langkah");
        await page.GetByLabel("Kode autentikator", new() { Exact = true }).FillAsync(Totp.Code(Staff.AuthenticatorKey, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
    }
}

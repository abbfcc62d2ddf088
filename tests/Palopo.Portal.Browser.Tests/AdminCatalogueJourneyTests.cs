using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Palopo.Portal.Browser.Tests.Support;
using Palopo.Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests;

/// <summary>
/// Issue 5 in Chromium: an admin (two-factor sign-in) creates a service, builds its form with the
/// no-JavaScript editor (two questions and a document), previews and publishes it, and a citizen
/// applies for it and gets a reference number. Admin pages are checked with axe, at desk and phone
/// width, in both languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminCatalogueJourneyTests(PortalBrowser browser)
{
    private const string AdminEmail = "admin@palopo.test";

    [ChromiumFact]
    public async Task Admin_creates_a_service_with_a_form_and_a_citizen_applies_for_it()
    {
        await using var session = await browser.NewSessionAsync(Viewport.Desktop, "admin-catalogue");
        var page = session.Page;
        var slug = $"izin-reklame-{Guid.NewGuid():N}"[..21];

        await SignInAsAdminAsync(session, "/admin/layanan");
        await page.ExpectPageAsync("/admin/layanan", "id", "Layanan");
        await session.CheckPageAsync("admin-services");

        // A new service: its identity, texts and rules.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tambah layanan", Exact = true }).ClickAsync();
        await page.ExpectPageAsync("/admin/layanan/baru", "id", "Tambah layanan");
        await page.GetByLabel("Alamat (URL)", new() { Exact = true }).FillAsync(slug);
        await page.GetByLabel("Instansi", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await page.GetByLabel("Nama layanan", new() { Exact = true }).FillAsync("Izin Reklame Uji");
        await page.GetByLabel("Ringkasan (opsional)", new() { Exact = true }).FillAsync("Izin memasang papan reklame.");
        await page.GetByLabel("Waktu layanan (hari kerja)", new() { Exact = true }).FillAsync("400");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat layanan", Exact = true }).ClickAsync();
        // Out of range: the message stands beside the field and the input is kept.
        await Expect(page.Locator("#ServiceDays-error")).ToHaveTextAsync("Waktu layanan 1 sampai 365 hari kerja.");
        await Expect(page.GetByLabel("Nama layanan", new() { Exact = true })).ToHaveValueAsync("Izin Reklame Uji");
        await session.CheckPageAsync("admin-service-new-invalid");
        await page.GetByLabel("Waktu layanan (hari kerja)", new() { Exact = true }).FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat layanan", Exact = true }).ClickAsync();
        await page.ExpectPageAsync($"/admin/layanan/{slug}", "id", "Izin Reklame Uji");
        await session.CheckPageAsync("admin-service-created");

        // The form: a section, a text question, a choice question and a document; preview; publish.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ubah formulir", Exact = true }).ClickAsync();
        await page.ExpectPageAsync($"/admin/layanan/{slug}/formulir", "id", "Formulir: Izin Reklame Uji");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah bagian", Exact = true }).ClickAsync();
        await page.Locator("[name='Sections[0].TitleId']").FillAsync("Data reklame");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah pertanyaan (Bagian 1)", Exact = true }).ClickAsync();
        await page.Locator("[name='Sections[0].Fields[0].Key']").FillAsync("teks_reklame");
        await page.Locator("[name='Sections[0].Fields[0].LabelId']").FillAsync("Teks reklame");
        await page.Locator("[name='Sections[0].Fields[0].LabelEn']").FillAsync("Billboard text");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah pertanyaan (Bagian 1)", Exact = true }).ClickAsync();
        await Expect(page.Locator("[name='Sections[0].Fields[0].LabelId']")).ToHaveValueAsync("Teks reklame");
        await page.Locator("[name='Sections[0].Fields[1].Key']").FillAsync("ukuran");
        await page.Locator("[name='Sections[0].Fields[1].Type']").SelectOptionAsync("Choice");
        await page.Locator("[name='Sections[0].Fields[1].LabelId']").FillAsync("Ukuran papan");
        await page.Locator("[name='Sections[0].Fields[1].Options']").FillAsync("kecil | Kecil (di bawah 2 m²) | Small\nbesar | Besar | Large");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah dokumen", Exact = true }).ClickAsync();
        await page.Locator("[name='Documents[0].Key']").FillAsync("desain");
        await page.Locator("[name='Documents[0].LabelId']").FillAsync("Desain reklame");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pratinjau", Exact = true }).ClickAsync();
        var preview = page.Locator("#preview");
        await Expect(preview.GetByLabel("Teks reklame", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(preview.GetByRole(AriaRole.Radio, new() { Name = "Kecil (di bawah 2 m²)" })).ToBeVisibleAsync();
        await Expect(preview.GetByLabel("Desain reklame", new() { Exact = true })).ToBeVisibleAsync();
        await session.CheckPageAsync("admin-form-preview");
        await session.CheckPageAtAsync(Viewport.Phone, "admin-form-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan versi formulir", Exact = true }).ClickAsync();
        await page.ExpectPageAsync($"/admin/layanan/{slug}", "id", "Izin Reklame Uji");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Formulir versi 2 telah diterbitkan.");
        await Expect(page.Locator("#service-form-fields")).ToContainTextAsync("Ukuran papan");

        // The same pages in English, at desk and phone width.
        foreach (var (path, step) in new[] { ($"/admin/layanan/{slug}?culture=en", "admin-service-en"), ($"/admin/layanan/{slug}/formulir", "admin-form-en"), ($"/admin/layanan/{slug}/alur", "admin-workflow-en"), ("/admin/instansi", "admin-agencies-en"), ("/admin/instansi/disdukcapil", "admin-agency-en") })
        {
            await session.GotoAsync(path);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await session.CheckPageAsync(step);
            await session.CheckPageAtAsync(Viewport.Phone, step);
        }

        await session.GotoAsync($"/admin/layanan/{slug}/ubah?culture=id");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await session.CheckPageAsync("admin-service-edit");
        await session.CheckPageAtAsync(Viewport.Phone, "admin-service-edit");
        await session.SignOutAsync();

        // A citizen finds the service and applies.
        var citizen = Citizen.New("Andi Pasampang", "150390");
        await citizen.RegisterAndSignInAsync(session);
        await session.GotoAsync($"/layanan/{slug}/ajukan");
        await page.ExpectPageAsync($"/layanan/{slug}/ajukan", "id", "Ajukan: Izin Reklame Uji");
        await page.GetByLabel("Teks reklame", new() { Exact = true }).FillAsync("Warung Kopi Palopo, buka 24 jam");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Besar", Exact = true }).CheckAsync();
        await page.GetByLabel("Desain reklame", new() { Exact = true }).SetInputFilesAsync(TestFiles.Pdf("desain.pdf"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/permohonan/PLP-\d{4}-\d{6}/terkirim$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Permohonan terkirim");
        Assert.Matches(@"^PLP-\d{4}-\d{6}$", (await page.Locator("#reference-number").InnerTextAsync()).Trim());
    }

    /// <summary>Opens <paramref name="path"/> signed out: e-mail and password, then the authenticator code.</summary>
    private static async Task SignInAsAdminAsync(BrowserSession session, string path)
    {
        var page = session.Page;
        await session.GotoAsync(path);
        await page.ExpectPageAsync("/akun/masuk", "id", PortalText.Indonesian.SignInTitle);
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(AdminEmail);
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(Staff.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.ExpectPageAsync("/akun/masuk/2fa", "id", "Verifikasi dua langkah");
        await page.GetByLabel("Kode autentikator", new() { Exact = true }).FillAsync(Totp.Code(Staff.AuthenticatorKey, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^https?://[^/]+" + Regex.Escape(path) + "$"));
    }
}

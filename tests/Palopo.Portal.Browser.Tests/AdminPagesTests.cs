using Microsoft.Playwright;
using Palopo.Portal.Browser.Tests.Support;
using Palopo.Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests;

/// <summary>
/// The admin's staff, holiday and audit screens at phone width, in Indonesian and English: each page
/// passes axe, does not scroll sideways, and is kept as a screenshot for review.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPagesTests(PortalBrowser browser)
{
    [ChromiumFact]
    public async Task Admin_screens_work_on_a_phone_in_both_languages()
    {
        await using var session = await browser.NewSessionAsync(Viewport.Phone, "admin-pages");
        var page = session.Page;
        await session.GotoAsync("/admin/petugas");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("admin@palopo.test");
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(Staff.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.GetByLabel("Kode autentikator", new() { Exact = true }).FillAsync(Totp.Code(Staff.AuthenticatorKey, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Petugas");
        await session.CheckPageAsync("staff-list");
        await page.Locator("#staff a", new() { HasText = "Rahmat Hidayat" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Rahmat Hidayat");
        await session.CheckPageAsync("staff-details");

        await session.GotoAsync("/admin/petugas/undang");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim undangan" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await session.CheckPageAsync("staff-invite-errors");

        await session.GotoAsync("/admin/hari-libur?tahun=2026");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hari libur 2026");
        await session.CheckPageAsync("holidays");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah", Exact = true }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await session.CheckPageAsync("holidays-errors");

        await session.GotoAsync("/admin/audit");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Log audit");
        await session.CheckPageAsync("audit");

        foreach (var (path, heading) in new[]
        {
            ("/admin/petugas?culture=en", "Staff"),
            ("/admin/petugas/undang", "Invite a staff member"),
            ("/admin/hari-libur?tahun=2026", "Holidays 2026"),
            ("/admin/audit", "Audit log"),
        })
        {
            await session.GotoAsync(path);
            await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await session.CheckPageAsync("en-" + path.Split('?')[0].Replace('/', '-'));
        }
    }
}

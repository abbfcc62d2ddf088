using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Palopo.Portal.Browser.Tests.Support;
using Palopo.Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests;

/// <summary>
/// Issue 3 on a phone: a new citizen finds the birth certificate service, applies with two uploads, gets a
/// reference number and tracking code, follows the request, and tracks it later without signing in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ApplyJourneyTests(PortalBrowser browser)
{
    [ChromiumFact]
    public async Task Citizen_registers_applies_for_akta_kelahiran_with_uploads_follows_the_request_and_tracks_it_signed_out()
    {
        await using var session = await browser.NewSessionAsync(Viewport.Phone, "apply-journey");
        var page = session.Page;

        // The father reports the birth; he was born on 20 April 1988.
        var father = Citizen.New("La Ode Baso Pallawa", "200488");
        await father.RegisterAndSignInAsync(session);
        await session.CheckPageAsync("home-signed-in");

        // The catalogue, then a search for "akta".
        await page.NavLink("Layanan").ClickAsync();
        await page.ExpectPageAsync("/layanan", "id", "Layanan");
        await session.CheckPageAsync("catalogue");
        await page.GetByRole(AriaRole.Search).GetByLabel("Cari layanan", new() { Exact = true }).FillAsync("akta");
        await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Cari", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/layanan\?q=akta"));
        await Expect(page.Locator("#result-count")).ToContainTextAsync("Hasil pencarian “akta”");
        var aktaLink = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Akta Kelahiran", Exact = true });
        await Expect(aktaLink).ToBeVisibleAsync();
        await session.CheckPageAsync("catalogue-search-akta");

        await aktaLink.ClickAsync();
        await page.ExpectPageAsync("/layanan/akta-kelahiran", "id", "Akta Kelahiran");
        await Expect(page.Locator("#service-fee")).ToHaveTextAsync("Gratis");
        await session.CheckPageAsync("service-akta-kelahiran");

        await page.Locator("#apply-link").ClickAsync();
        await page.ExpectPageAsync("/layanan/akta-kelahiran/ajukan", "id", "Ajukan: Akta Kelahiran");
        // The reporter's NIK is the applicant's own, filled in already.
        await Expect(page.GetByLabel("NIK pelapor", new() { Exact = true })).ToHaveValueAsync(father.Nik);
        await session.CheckPageAsync("apply-form");

        await AktaKelahiran.FillAsync(page, father);
        await AktaKelahiran.UploadAsync(page);
        await session.CheckPageAsync("apply-form-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan", Exact = true }).ClickAsync();

        // The GOV.UK-style confirmation: reference number, tracking code, deadline.
        await Expect(page).ToHaveURLAsync(ConfirmationUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Permohonan terkirim");
        var reference = (await page.Locator("#reference-number").InnerTextAsync()).Trim();
        Assert.Matches(AktaKelahiran.ReferencePattern(), reference);
        Assert.EndsWith($"/permohonan/{reference}/terkirim", page.Url, StringComparison.Ordinal);
        var trackingCode = (await page.Locator("#tracking-code").InnerTextAsync()).Trim();
        Assert.Matches(TrackingCodePattern(), trackingCode);
        await Expect(page.Locator("#due-date")).ToContainTextAsync("5 hari kerja");
        await session.CheckPageAsync("confirmation");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cetak tanda terima", Exact = true }).ClickAsync();
        await page.ExpectPageAsync($"/permohonan/{reference}/tanda-terima", "id", "Tanda terima permohonan");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(reference);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(trackingCode);
        await session.CheckPageAsync("receipt");

        // The request's own page: status, legal clock, the submission in the timeline, the documents.
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Kembali", Exact = true }).ClickAsync();
        await page.ExpectPageAsync($"/permohonan/{reference}", "id", "Akta Kelahiran");
        await Expect(page.Locator("#reference-number")).ToHaveTextAsync(reference);
        await Expect(page.Locator("#status")).ToContainTextAsync("Diajukan");
        await Expect(page.Locator("#legal-clock")).ToContainTextAsync(LegalClockPattern());
        var timeline = page.Locator("#timeline");
        await Expect(timeline.Locator("li").Filter(new() { HasText = "Permohonan dikirim" })).ToContainTextAsync("oleh Anda");
        await Expect(page.Locator("#documents")).ToContainTextAsync("surat-keterangan-lahir.pdf");
        await Expect(page.Locator("#documents")).ToContainTextAsync("kartu-keluarga.png");
        await Expect(page.Locator("#answers")).ToContainTextAsync(AktaKelahiran.ChildName);
        await session.CheckPageAsync("request-details");

        // The bell counts the "received" notification.
        await Expect(page.Locator("#notification-bell")).ToHaveTextAsync("Notifikasi (1)");
        await page.Locator("#notification-bell").ClickAsync();
        await page.ExpectPageAsync("/notifikasi", "id", "Notifikasi");
        await Expect(page.Locator("#unread-count")).ToHaveTextAsync("1 belum dibaca");
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = $"Permohonan {reference} telah diterima", Exact = true })).ToBeVisibleAsync();
        await session.CheckPageAsync("notifications");

        await page.NavButton("Keluar").ClickAsync();
        await Expect(page.NavLink(PortalText.Indonesian.NavSignIn)).ToBeVisibleAsync();
        await session.CheckPageAsync("signed-out");

        // Anyone with the reference and the code (typed in lower case) sees the status, and no personal data.
        await page.NavLink("Lacak").ClickAsync();
        await page.ExpectPageAsync("/lacak", "id", "Lacak permohonan");
        await session.CheckPageAsync("track-form");
        await page.GetByLabel("Nomor permohonan", new() { Exact = true }).FillAsync(reference);
        await page.GetByLabel("Kode lacak", new() { Exact = true }).FillAsync(trackingCode.ToLowerInvariant());
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Lacak", Exact = true }).ClickAsync();
        await Expect(page.Locator("#track-result h2")).ToHaveTextAsync($"Status permohonan {reference}");
        await Expect(page.Locator("#track-status")).ToContainTextAsync("Diajukan");
        await Expect(page.Locator("#track-result")).ToContainTextAsync("Akta Kelahiran");
        var html = await page.ContentAsync();
        foreach (var personal in new[] { father.FullName, "La Ode", father.Nik, AktaKelahiran.ChildName, "Nurhayati", AktaKelahiran.MotherNik, AktaKelahiran.Witness1Nik })
            Assert.DoesNotContain(personal, html, StringComparison.OrdinalIgnoreCase);
        await session.CheckPageAsync("track-result");
    }

    [GeneratedRegex(@"^[A-Z0-9]{8}$")]
    private static partial Regex TrackingCodePattern();

    [GeneratedRegex(@"/permohonan/PLP-\d{4}-\d{6}/terkirim$")]
    private static partial Regex ConfirmationUrl();

    // "Hari ke-3 dari 5 hari kerja", or, on the day of submission, "Hitungan 5 hari kerja dimulai ...".
    [GeneratedRegex(@"Hari ke-\d+ dari 5 hari kerja|Hitungan 5 hari kerja dimulai")]
    private static partial Regex LegalClockPattern();
}

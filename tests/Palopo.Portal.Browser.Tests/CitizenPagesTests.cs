using Microsoft.Playwright;
using Palopo.Portal.Browser.Tests.Support;
using Palopo.Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests;

/// <summary>The service catalogue in both languages, and the apply form's error state, on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CitizenPagesTests(PortalBrowser browser)
{
    // A demo citizen seeded in Development (see DemoAccountSeeder); only this test signs in with it.
    private static readonly Citizen SitiAminah = new("Siti Aminah", "warga@palopo.test", "demo-palopo-2026", "7373014501900001");

    [ChromiumFact]
    public async Task Catalogue_groupings_and_a_service_page_pass_axe_in_Indonesian_and_English()
    {
        await using var session = await browser.NewSessionAsync(Viewport.Phone, "catalogue");
        var page = session.Page;

        await session.GotoAsync("/layanan");
        await CheckCatalogueAsync(session, PortalText.Indonesian, "Layanan", "Instansi", "Peristiwa hidup", "Kelahiran dan anak");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Akta Kelahiran", Exact = true }).ClickAsync();
        await page.ExpectPageAsync("/layanan/akta-kelahiran", "id", "Akta Kelahiran");
        await Expect(page.Locator("#service-fee")).ToHaveTextAsync("Gratis");
        await Expect(page.Locator("#service-time")).ToHaveTextAsync("5 hari kerja");
        await Expect(page.Locator("#document-list")).ToContainTextAsync("Surat keterangan lahir");
        await session.CheckPageAsync("service-id");

        await session.SwitchLanguageAsync(PortalText.Indonesian, "Birth Certificate");
        await Expect(page.Locator("#service-fee")).ToHaveTextAsync("Free");
        await Expect(page.Locator("#service-time")).ToHaveTextAsync("5 working days");
        await Expect(page.Locator("#apply-link")).ToContainTextAsync("Apply for this service");
        await session.CheckPageAsync("service-en");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "All services" }).ClickAsync();
        await CheckCatalogueAsync(session, PortalText.English, "Services", "Agency", "Life event", "Birth and children");
    }

    [ChromiumFact]
    public async Task Apply_form_sent_empty_lists_every_problem_and_each_link_focuses_its_field()
    {
        await using var session = await browser.NewSessionAsync(Viewport.Phone, "apply-errors");
        var page = session.Page;
        await SitiAminah.SignInAsync(session);

        await session.GotoAsync("/layanan/akta-kelahiran/ajukan");
        await page.ExpectPageAsync("/layanan/akta-kelahiran/ajukan", "id", "Ajukan: Akta Kelahiran");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan", Exact = true }).ClickAsync();

        await page.ExpectPageAsync("/layanan/akta-kelahiran/ajukan", "id", "Ajukan: Akta Kelahiran");
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToHaveAttributeAsync("role", "alert");
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync(PortalText.Indonesian.ErrorSummaryTitle);
        var links = summary.GetByRole(AriaRole.Link);
        // Every required question and document, nothing more: 15 questions less the prefilled reporter's NIK, and 2 documents.
        await Expect(links).ToHaveCountAsync(16);
        await Expect(links.First).ToHaveTextAsync("Nama lengkap anak: Wajib diisi.");
        await Expect(page.Locator("#f_nama_anak")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#f_nama_anak-error")).ToHaveTextAsync("Wajib diisi.");
        await Expect(page.Locator("#doc_surat_lahir-error")).ToHaveTextAsync("Unggah berkas ini.");
        await session.CheckPageAsync("apply-errors");

        // The first link takes keyboard focus to its field, as the GOV.UK error summary does.
        await links.First.ClickAsync();
        await Expect(page.Locator("#f_nama_anak")).ToBeFocusedAsync();

        // And every other link lands on a control of its question too (a radio group: its first option).
        var count = await links.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var link = links.Nth(i);
            var target = (await link.GetAttributeAsync("href"))!.TrimStart('#');
            await link.ClickAsync();
            var focused = await page.EvaluateAsync<string?>(
                """
                target => {
                    const el = document.activeElement;
                    const box = document.getElementById(target);
                    const isControl = el && ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
                    return isControl && box && (box === el || box.contains(el)) ? null : (el ? el.outerHTML.slice(0, 120) : 'nothing');
                }
                """,
                target);
            Assert.True(focused is null, $"error link #{target} ('{await link.InnerTextAsync()}') should focus its field; focus is on {focused}");
        }
    }

    private static async Task CheckCatalogueAsync(BrowserSession session, PortalText text, string title, string byAgency, string byLifeEvent, string birthGroup)
    {
        var page = session.Page;
        var groupSwitch = page.GetByRole(AriaRole.Navigation, new() { Name = text.Lang == "id" ? "Kelompokkan menurut" : "Group by", Exact = true });

        await page.ExpectPageAsync("/layanan", text.Lang, title);
        await Expect(groupSwitch.GetByRole(AriaRole.Link, new() { Name = byAgency, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator("#result-count")).ToContainTextAsync("17");
        await session.CheckPageAsync($"catalogue-by-agency-{text.Lang}");

        await groupSwitch.GetByRole(AriaRole.Link, new() { Name = byLifeEvent, Exact = true }).ClickAsync();
        await page.ExpectPageAsync("/layanan", text.Lang, title);
        await Expect(groupSwitch.GetByRole(AriaRole.Link, new() { Name = byLifeEvent, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = birthGroup })).ToBeVisibleAsync();
        await session.CheckPageAsync($"catalogue-by-life-event-{text.Lang}");

        await groupSwitch.GetByRole(AriaRole.Link, new() { Name = byAgency, Exact = true }).ClickAsync();
        await Expect(groupSwitch.GetByRole(AriaRole.Link, new() { Name = byAgency, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
    }
}

using Microsoft.Playwright;
using Palopo.Portal.Browser.Tests.Support;
using Palopo.Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests;

/// <summary>The public verification pages (form, a refused code, an unknown code) pass axe in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VerifyPagesTests(PortalBrowser browser)
{
    [ChromiumTheory]
    [InlineData("id", "Verifikasi dokumen", "Kode tidak dikenal")]
    [InlineData("en", "Verify a document", "Unknown code")]
    public async Task Verification_pages_pass_axe(string lang, string title, string unknownTitle)
    {
        await using var session = await browser.NewSessionAsync(Viewport.Named("phone"), $"verify-{lang}");
        var page = session.Page;

        Assert.Equal(200, await session.GotoAsync($"/verifikasi?culture={lang}"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await session.CheckPageAsync("verify");

        // A code too short: the form again, the message beside the field, what was typed kept.
        await page.Locator("#kode").FillAsync("ABC-123");
        await page.Locator("#verify-code-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#kode")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#kode")).ToHaveValueAsync("ABC-123");
        await session.CheckPageAsync("verify-bad-code");

        // A well-formed code nobody issued, typed in lower case without dashes.
        await page.Locator("#kode").FillAsync("zzzzzzzzzzzzzzzz");
        await page.Locator("#verify-code-form button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/verifikasi/ZZZZ-ZZZZ-ZZZZ-ZZZZ$"));
        await Expect(page.Locator(".verify-verdict__title")).ToHaveTextAsync(unknownTitle);
        await session.CheckPageAsync("verify-unknown");
    }
}

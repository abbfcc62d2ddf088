using Microsoft.Playwright;
using Palopo.Portal.Browser.Tests.Support;
using Palopo.Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests;

/// <summary>Every public page, reached the way a person would, passes axe in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicPagesTests(PortalBrowser browser)
{
    [ChromiumTheory]
    [InlineData("id", "phone")]
    [InlineData("en", "phone")]
    [InlineData("id", "desktop")]
    [InlineData("en", "desktop")]
    public async Task Public_pages_pass_axe_in_each_language(string lang, string screen)
    {
        var text = PortalText.For(lang);
        await using var session = await browser.NewSessionAsync(Viewport.Named(screen), $"public-{lang}");
        var page = session.Page;

        // The portal opens in Bahasa Indonesia; English is one click on the header's switch.
        Assert.Equal(200, await session.GotoAsync("/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(PortalText.Indonesian.HomeTitle);
        if (lang == "en")
            await session.SwitchLanguageAsync(PortalText.Indonesian, text.HomeTitle);
        await session.CheckPageAsync("home");

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = text.FooterPrivacy, Exact = true }).ClickAsync();
        await page.ExpectPageAsync("/privasi", text.Lang, text.PrivacyTitle);
        await session.CheckPageAsync("privacy");

        await page.NavLink(text.NavSignIn).ClickAsync();
        await page.ExpectPageAsync("/akun/masuk", text.Lang, text.SignInTitle);
        await session.CheckPageAsync("sign-in");

        await page.NavLink(text.NavRegister).ClickAsync();
        await page.ExpectPageAsync("/akun/daftar", text.Lang, text.RegisterTitle);
        await session.CheckPageAsync("register");

        // Some fields wrong, the rest empty: every kind of message at once.
        await page.Locator("#Nik").FillAsync("7373 0112");
        await page.Locator("#Password").FillAsync("pendek");
        await page.Locator("#ConfirmPassword").FillAsync("lain");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = text.RegisterSubmit, Exact = true }).ClickAsync();
        await page.ExpectPageAsync("/akun/daftar", text.Lang, text.RegisterTitle);
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync(text.ErrorSummaryTitle);
        Assert.True(await summary.GetByRole(AriaRole.Listitem).CountAsync() >= 7, "every invalid field is listed in the error summary");
        await Expect(page.Locator("#Nik")).ToHaveValueAsync("7373 0112");
        await Expect(page.Locator("#Nik")).ToHaveAttributeAsync("aria-invalid", "true");
        await session.CheckPageAsync("register-errors");

        Assert.Equal(404, await session.GotoAsync("/halaman-yang-tidak-ada"));
        await page.ExpectPageAsync("/halaman-yang-tidak-ada", text.Lang, text.NotFoundTitle);
        await session.CheckPageAsync("not-found");

        // And back the other way, from wherever the person is.
        await session.SwitchLanguageAsync(text, text.Other.NotFoundTitle);
        await session.CheckPageAsync($"not-found-{text.Other.Lang}");
    }
}

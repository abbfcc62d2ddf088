using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>The shared layout as a person sees it: header, main menu, language switch.</summary>
public static class Layout
{
    public static ILocator Header(this IPage page) => page.GetByRole(AriaRole.Banner);

    public static ILocator NavLink(this IPage page, string name) =>
        page.Header().GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public static ILocator NavButton(this IPage page, string name) =>
        page.Header().GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The header's sign-out button; the header then offers the sign-in again.</summary>
    public static async Task SignOutAsync(this BrowserSession session)
    {
        await session.Page.NavButton("Keluar").ClickAsync();
        await Expect(session.Page.NavLink(PortalText.Indonesian.NavSignIn)).ToBeVisibleAsync();
    }

    /// <summary>
    /// Clicks the header's language link and checks that the page really changed language:
    /// &lt;html lang&gt; becomes the other language and the main heading's words change.
    /// </summary>
    public static async Task SwitchLanguageAsync(this BrowserSession session, PortalText from, string expectedHeadingAfter)
    {
        var page = session.Page;
        Assert.Equal(from.Lang, await session.HtmlLangAsync());
        var before = await session.HeadingAsync();

        var link = page.Header().GetByRole(AriaRole.Link, new() { Name = from.SwitchTo, Exact = true });
        await Expect(link).ToHaveAttributeAsync("lang", from.Other.Lang);
        await link.ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", from.Other.Lang);
        await Expect(page.Locator("h1").First).ToHaveTextAsync(expectedHeadingAfter);
        Assert.NotEqual(before, await session.HeadingAsync());
        await Expect(page.Header().GetByRole(AriaRole.Link, new() { Name = from.Other.SwitchTo, Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>The page is at <paramref name="path"/> (query and fragment aside), in <paramref name="lang"/>, with this main heading.</summary>
    public static async Task ExpectPageAsync(this IPage page, string path, string lang, string heading)
    {
        await Expect(page).ToHaveURLAsync(new Regex("^https?://[^/]+" + Regex.Escape(path) + "([?#].*)?$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Expect(page.Locator("h1").First).ToHaveTextAsync(heading);
    }
}

using Microsoft.Playwright;
using Palopo.Portal.Browser.Tests.Support;
using Palopo.Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests;

/// <summary>Someone using only a keyboard can skip the header on every kind of page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(PortalBrowser browser)
{
    [ChromiumTheory]
    [InlineData("/")]
    [InlineData("/akun/daftar")]
    public async Task Skip_link_is_the_first_tab_stop_and_moves_focus_to_main(string path)
    {
        await using var session = await browser.NewSessionAsync(Viewport.Phone, "keyboard");
        var page = session.Page;
        await session.GotoAsync(path);
        await session.CheckPageAsync(path == "/" ? "home" : path);

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Langsung ke isi utama", Exact = true });
        await Expect(skipLink).ToBeFocusedAsync();
        Assert.Equal("#main", await skipLink.GetAttributeAsync("href"));
        // Visible when focused, and inside the phone's screen.
        var box = await skipLink.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= Viewport.Phone.Width, $"skip link on screen when focused, was at {box.X},{box.Y} {box.Width}x{box.Height}");
        await session.CheckPageAsync((path == "/" ? "home" : path) + " skip link focused");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#main$"));

        // The next Tab lands inside main, past the header's links.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "after the skip link, Tab continues inside main");
    }
}

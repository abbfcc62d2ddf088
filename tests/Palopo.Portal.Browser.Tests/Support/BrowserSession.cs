using Microsoft.Playwright;

namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>One test's browser context and page, with the check every visited page gets.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page, Uri baseAddress, Viewport viewport, string testName) : IAsyncDisposable
{
    private readonly Screenshots _screenshots = new(testName, viewport);

    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    public Uri BaseAddress { get; } = baseAddress;

    public Viewport Viewport { get; } = viewport;

    /// <summary>Opens a portal path and returns the HTTP status of the final response.</summary>
    public async Task<int> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        return response?.Status ?? 0;
    }

    /// <summary>
    /// What every page visited gets: a full-page screenshot for reviewers; axe (WCAG 2.x A/AA), failing
    /// the test on any violation; and, on a phone, no sideways scrolling (WCAG 1.4.10 Reflow, which axe
    /// does not check).
    /// </summary>
    public Task CheckPageAsync(string step, params string[] skipAxeRules) => CheckAsync(Viewport, step, skipAxeRules);

    /// <summary>
    /// <see cref="CheckPageAsync"/> with the window resized to <paramref name="other"/> (e.g. a desktop
    /// session's page at phone width, without signing in again), then set back to the session's size.
    /// </summary>
    public async Task CheckPageAtAsync(Viewport other, string step, params string[] skipAxeRules)
    {
        ArgumentNullException.ThrowIfNull(other);
        await Page.SetViewportSizeAsync(other.Width, other.Height);
        try
        {
            await CheckAsync(other, step, skipAxeRules);
        }
        finally
        {
            await Page.SetViewportSizeAsync(Viewport.Width, Viewport.Height);
        }
    }

    private async Task CheckAsync(Viewport at, string step, string[] skipAxeRules)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await _screenshots.SaveAsync(Page, step, at);
        await Accessibility.AssertNoViolationsAsync(Page, step, skipAxeRules);
        if (at.IsMobile)
        {
            var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"'{step}' ({Page.Url}) scrolls sideways on a {at}: content {widths[0]}px wide in {widths[1]}px.");
        }
    }

    /// <summary>The value of &lt;html lang&gt;.</summary>
    public Task<string?> HtmlLangAsync() => Page.Locator("html").GetAttributeAsync("lang");

    /// <summary>The text of the page's &lt;h1&gt;, trimmed.</summary>
    public async Task<string> HeadingAsync() => (await Page.Locator("h1").First.InnerTextAsync()).Trim();

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

using Microsoft.Playwright;

namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>One test's browser context and page, with the check every visited page gets.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page, Uri baseAddress, Screenshots screenshots) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>Opens a portal path and returns the HTTP status of the final response.</summary>
    public async Task<int> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        return response?.Status ?? 0;
    }

    /// <summary>
    /// What every page visited gets: a full-page screenshot for reviewers, then axe (WCAG 2.x A/AA)
    /// failing the test on any violation.
    /// </summary>
    public async Task CheckPageAsync(string step, params string[] skipAxeRules)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await screenshots.SaveAsync(Page, step);
        await Accessibility.AssertNoViolationsAsync(Page, step, skipAxeRules);
    }

    /// <summary>The value of &lt;html lang&gt;.</summary>
    public Task<string?> HtmlLangAsync() => Page.Locator("html").GetAttributeAsync("lang");

    /// <summary>The text of the page's &lt;h1&gt;, trimmed.</summary>
    public async Task<string> HeadingAsync() => (await Page.Locator("h1").First.InnerTextAsync()).Trim();

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

using Palopo.Portal.Browser.Tests.Support;
using Palopo.Portal.Testing;

namespace Palopo.Portal.Browser.Tests;

/// <summary>The axe check itself catches what it should: a clean result from a blind checker proves nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityCheckTests(PortalBrowser browser)
{
    [ChromiumFact]
    public async Task Axe_check_reports_known_defects_with_their_selectors()
    {
        await using var session = await browser.NewSessionAsync(Viewport.Phone, "axe-self-check");
        await session.Page.SetContentAsync(
            """
            <!doctype html><html><head><title>Defects</title></head><body>
            <main>
              <h1>Known defects</h1>
              <img id="no-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
              <p id="pale" style="color:#bbb;background:#fff">Pale text</p>
              <input id="unlabelled" type="text">
              <button id="tiny" style="width:10px;height:10px;padding:0;border:0;position:absolute;left:40px;top:300px" aria-label="x"></button>
              <button style="width:10px;height:10px;padding:0;border:0;position:absolute;left:52px;top:300px" aria-label="y"></button>
            </main>
            </body></html>
            """);

        var violations = await Accessibility.RunAsync(session.Page);
        var ids = violations.Select(v => v.Id).ToHashSet();

        Assert.Contains("html-has-lang", ids);   // WCAG 2.0 A
        Assert.Contains("image-alt", ids);       // WCAG 2.0 A
        Assert.Contains("label", ids);           // WCAG 2.0 A
        Assert.Contains("color-contrast", ids);  // WCAG 2.0 AA
        Assert.Contains("target-size", ids);     // WCAG 2.2 AA, off in axe by default
        var message = Accessibility.Describe("defects", session.Page.Url, violations);
        Assert.Contains("#no-alt", message, StringComparison.Ordinal);
        Assert.Contains("#unlabelled", message, StringComparison.Ordinal);

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => Accessibility.AssertNoViolationsAsync(session.Page, "defects"));
        Assert.Contains("image-alt [critical]", failure.Message, StringComparison.Ordinal);
    }
}

#pragma warning disable CS0618
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Browser.Tests.Support;
using Palopo.Portal.Testing;
using Xunit.Abstractions;

namespace Palopo.Portal.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ScratchTests(PortalBrowser browser, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task Scratch()
    {
        await using var session = await browser.NewSessionAsync(Viewport.Phone, "scratch");
        var cfg = browser.Server.Services.GetRequiredService<IConfiguration>();
        foreach (var k in new[] { "Storage:DataPath", "Database:Provider", "Serilog:MinimumLevel:Default", "PersonalData:BlindIndexKey" })
            output.WriteLine($"{k} = {cfg[k]}");
        output.WriteLine("paths: " + browser.Server.Services.GetRequiredService<Palopo.Portal.Infrastructure.PortalPaths>().DataPath);
        await session.GotoAsync("/akun/masuk");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await Accessibility.AssertNoViolationsAsync(session.Page, "x");
        output.WriteLine($"axe1 {sw.ElapsedMilliseconds}"); sw.Restart();
        await Accessibility.AssertNoViolationsAsync(session.Page, "x");
        output.WriteLine($"axe2 {sw.ElapsedMilliseconds}"); sw.Restart();
        await Deque.AxeCore.Playwright.PageExtensions.RunAxe(session.Page);
        output.WriteLine($"legacy1 {sw.ElapsedMilliseconds}"); sw.Restart();
        await Deque.AxeCore.Playwright.PageExtensions.RunAxe(session.Page);
        output.WriteLine($"legacy2 {sw.ElapsedMilliseconds}"); sw.Restart();
        await session.Page.ScreenshotAsync(new() { FullPage = true, Path = "/tmp/x.png" });
        output.WriteLine($"shot {sw.ElapsedMilliseconds}"); sw.Restart();
        output.WriteLine(await session.Page.Locator("form.form").InnerHTMLAsync());
        foreach (var c in await session.Context.CookiesAsync())
            output.WriteLine($"cookie {c.Name} {c.SameSite} {c.Secure} {c.Domain} {c.Path}");
    }
}

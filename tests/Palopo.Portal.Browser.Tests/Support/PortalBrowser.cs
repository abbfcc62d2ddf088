using Microsoft.Playwright;
using Palopo.Portal.Testing;

namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>
/// One portal server and one Chromium per test run, shared by every test in <see cref="BrowserCollection"/>.
/// Both start on first use, so a run where every browser test is skipped (no Chromium) starts neither.
/// Each test opens its own <see cref="BrowserSession"/>: a fresh context (cookies, viewport) and page.
/// </summary>
public sealed class PortalBrowser : IAsyncLifetime
{
    /// <summary>Flags that keep Chromium quiet on a closed network (see ../shared/TOOLCHAIN.md).</summary>
    public static readonly IReadOnlyList<string> ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage",
    ];

    private readonly Lazy<Task<(PortalServer Server, IPlaywright Playwright, IBrowser Browser)>> _started;

    public PortalBrowser()
    {
        // Started once, on first use; if starting fails, every test reports that same failure at once.
        _started = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public PortalServer Server => _started.IsValueCreated && _started.Value.IsCompletedSuccessfully
        ? _started.Value.Result.Server
        : throw new InvalidOperationException("Call NewSessionAsync first.");

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A new browser context and page at <paramref name="viewport"/>, pointed at the portal.</summary>
    public async Task<BrowserSession> NewSessionAsync(Viewport viewport, string testName)
    {
        var (server, _, browser) = await _started.Value;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            DeviceScaleFactor = 1,
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            Locale = "id-ID",
            TimezoneId = "Asia/Makassar",
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, server.BaseAddress, viewport, testName);
    }

    private static async Task<(PortalServer, IPlaywright, IBrowser)> StartAsync()
    {
        // No browser, no point starting the portal: fail at once with a message saying how to get one.
        var chromium = TestEnvironment.RequireChromiumPath();

        // The portal (migrations, seed data) and Chromium start side by side: each takes seconds.
        var server = new PortalServer();
        var serverStarted = Task.Run(server.Start);
        var browserStarted = LaunchChromiumAsync(chromium);
        try
        {
            await Task.WhenAll(serverStarted, browserStarted);
            return (server, browserStarted.Result.Playwright, browserStarted.Result.Browser);
        }
        catch
        {
            if (browserStarted.IsCompletedSuccessfully)
            {
                await browserStarted.Result.Browser.DisposeAsync();
                browserStarted.Result.Playwright.Dispose();
            }

            await server.DisposeAsync();
            throw;
        }
    }

    private static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchChromiumAsync(string executablePath)
    {
        // The NuGet package carries Playwright's driver; the browser is the machine's Chromium, never a download.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executablePath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 30_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (!_started.IsValueCreated)
            return;
        try
        {
            var (server, playwright, browser) = await _started.Value;
            await browser.DisposeAsync();
            playwright.Dispose();
            await server.DisposeAsync();
        }
        catch (Exception) when (_started.Value.IsFaulted)
        {
            // Already reported by every test; StartAsync cleaned up after itself.
        }
    }
}

/// <summary>All browser tests share one server and one browser, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PortalBrowser>
{
    public const string Name = "Browser";
}

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

    private readonly SemaphoreSlim _startLock = new(1, 1);
    private PortalServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public PortalServer Server => _server ?? throw new InvalidOperationException("Call NewSessionAsync first.");

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A new browser context and page at <paramref name="viewport"/>, pointed at the portal.</summary>
    public async Task<BrowserSession> NewSessionAsync(Viewport viewport, string testName)
    {
        await EnsureStartedAsync();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server!.BaseAddress.ToString().TrimEnd('/'),
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
        return new BrowserSession(context, page, _server.BaseAddress, new Screenshots(testName, viewport));
    }

    private async Task EnsureStartedAsync()
    {
        if (_browser is not null)
            return;
        await _startLock.WaitAsync();
        try
        {
            if (_browser is not null)
                return;

            _server = new PortalServer();
            _server.Start();

            // The NuGet package carries Playwright's driver; the browser is the machine's Chromium, never a download.
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = TestEnvironment.RequireChromiumPath(),
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 30_000,
            });
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
        _startLock.Dispose();
    }
}

/// <summary>All browser tests share one server and one browser, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PortalBrowser>
{
    public const string Name = "Browser";
}

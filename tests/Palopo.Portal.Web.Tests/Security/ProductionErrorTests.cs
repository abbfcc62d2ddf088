using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Palopo.Portal.Testing;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Security;

/// <summary>Only mounted in <see cref="ProductionPortalFactory"/>: pages that fail the way real bugs do.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ExplodingController : Controller
{
    public const string Secret = "SELECT \"NikCipher\" FROM \"AspNetUsers\" WHERE 1=1 -- secret-sql-text";

    [HttpGet("/uji/meledak")]
    public IActionResult Explode() => throw new InvalidOperationException(Secret);

    [HttpPost("/uji/meledak")]
    [IgnoreAntiforgeryToken]
    public IActionResult ExplodeOnPost() => throw new InvalidOperationException(Secret);
}

/// <summary>The portal as production runs it (environment Production, __Host- cookies, HSTS), on SQLite, over https.</summary>
public sealed class ProductionPortalFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryDirectory _data = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        builder.UseSetting("Storage:DataPath", _data.Path);
        builder.UseSetting("Email:Delivery", "PickupFolder");
        builder.UseSetting("Email:PickupDirectory", "mail");
        builder.UseSetting("Portal:PublicBaseUrl", "https://portal.palopokota.test");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", "");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Database:SeedOnStart", "true");
        builder.UseSetting("PersonalData:BlindIndexKey", PortalAppFactory.BlindIndexKey);
        builder.UseSetting("Documents:SigningKey", PortalAppFactory.DocumentSigningKey);
        builder.UseSetting("DemoAccounts:Enabled", "false");
        builder.ConfigureTestServices(services =>
            services.AddControllersWithViews().AddApplicationPart(typeof(ExplodingController).Assembly));
    }

    public HttpClient CreateHttpsClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.palopokota.test"), AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}

public sealed class ProductionPortalFixture : IAsyncLifetime
{
    public ProductionPortalFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        await PortalAppFactory.StartLock.WaitAsync(); // hosts must not be built concurrently (see PortalAppFactory)
        try
        {
            _ = App.Services;
        }
        finally
        {
            PortalAppFactory.StartLock.Release();
        }
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>ASVS 16.5 / 13.4: outside Development an exception becomes the friendly page, never its text.</summary>
public sealed class ProductionErrorTests(ProductionPortalFixture portal) : IClassFixture<ProductionPortalFixture>
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task An_exception_becomes_a_generic_500_page_without_exception_sql_or_stack_text(string method)
    {
        using var client = portal.App.CreateHttpsClient();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/uji/meledak"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Maaf, terjadi gangguan", body, StringComparison.Ordinal); // Error.ServerTitle
        foreach (var leak in new[] { "secret-sql-text", "SELECT", "InvalidOperationException", "ExplodingController", " at Palopo.", "StackTrace", ".cs:line" })
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("X-", StringComparison.Ordinal) && h.Key.Contains("Exception", StringComparison.OrdinalIgnoreCase));
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Unknown_pages_bad_routes_and_malformed_posts_answer_friendly_pages_without_internals()
    {
        using var client = portal.App.CreateHttpsClient();
        foreach (var url in new[] { "/tidak-ada", "/galat/999", "/layanan/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/layanan/" + new string('x', 3000) })
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500 || response.StatusCode == HttpStatusCode.InternalServerError && !body.Contains("Exception", StringComparison.Ordinal), $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        }

        // A form post without its antiforgery token: the friendly 400 page, no developer detail.
        using var content = new FormUrlEncodedContent([new("ReferenceNumber", "PLP-2026-000001"), new("TrackingCode", "ABCD")]);
        using var post = await client.PostAsync("/lacak", content);
        var postBody = await post.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.DoesNotContain("Antiforgery", postBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_cookies_are_host_prefixed_secure_and_http_only()
    {
        using var client = portal.App.CreateHttpsClient();
        using var response = await client.GetAsync("/akun/masuk");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var antiforgery = Assert.Single(cookies, c => c.StartsWith("__Host-Palopo.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}

using System.Net;
using Palopo.Portal.Web.Framework;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Security;

/// <summary>
/// A portal of its own with the production limits (the shared test portals raise them out of reach,
/// since every test request comes from the same "IP"). One test per policy: they share that IP.
/// </summary>
public sealed class LowRateLimitPortalFixture : PortalFixture
{
    protected override Task<PortalAppFactory?> CreateAsync() =>
        Task.FromResult<PortalAppFactory?>(PortalAppFactory.ForSqlite(new Dictionary<string, string?>
        {
            ["RateLimits:SignIn:PermitLimit"] = "10",
            ["RateLimits:Track:PermitLimit"] = "20",
            ["RateLimits:Registration:PermitLimit"] = "5",
            ["RateLimits:Verify:PermitLimit"] = "30",
        }));
}

[CollectionDefinition(Name)]
public sealed class LowRateLimitPortalCollection : ICollectionFixture<LowRateLimitPortalFixture>
{
    public const string Name = "Portal on SQLite with production rate limits";
}

[Collection(LowRateLimitPortalCollection.Name)]
public sealed class RateLimitTests(LowRateLimitPortalFixture portal) : PortalTests(portal)
{
    [Fact]
    public async Task The_eleventh_sign_in_attempt_in_a_minute_gets_429_with_retry_after_and_the_friendly_page()
    {
        var client = NewClient();
        HtmlPage login = null!;
        for (var i = 0; i < 15; i++)
            login = await client.GetPageAsync(LoginUrl); // showing the form does not count

        var fields = new Dictionary<string, string?> { ["Email"] = "tidak-ada@contoh.test", ["Password"] = "salah-sekali" };
        for (var i = 1; i <= 10; i++)
        {
            using var allowed = await client.SubmitAsync(login, LoginUrl, fields);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var rejected = await client.SubmitAsync(login, LoginUrl, fields);
        AssertRetryAfter(rejected);
        var page = await PortalClient.ReadPageAsync(rejected, HttpStatusCode.TooManyRequests);
        Assert.Equal("id", page.Language);
        Assert.Equal(T.Id("Error.TooManyTitle"), page.Heading);
        Assert.Contains(T.Id("Error.TooManyText"), page.MainText, StringComparison.Ordinal);

        // The form itself still opens; the rejection carries the security headers too.
        await client.GetPageAsync(LoginUrl);
        using var again = await client.SubmitAsync(login, LoginUrl, fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.True(again.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Tracking_is_limited_to_twenty_lookups_a_minute_with_the_page_in_the_visitors_language()
    {
        var client = NewClient();
        var form = await client.GetPageAsync("/lacak?culture=en");
        var fields = new Dictionary<string, string?> { ["ReferenceNumber"] = "PLP-2026-000000", ["TrackingCode"] = "ABCD-EFGH" };
        for (var i = 1; i <= 20; i++)
        {
            using var allowed = await client.SubmitAsync(form, "/lacak", fields);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var rejected = await client.SubmitAsync(form, "/lacak", fields);
        AssertRetryAfter(rejected);
        var page = await PortalClient.ReadPageAsync(rejected, HttpStatusCode.TooManyRequests);
        Assert.Equal("en", page.Language);
        Assert.Equal(T.En("Error.TooManyTitle"), page.Heading);
    }

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }
}

/// <summary>Which requests count against which limit: unsafe methods of the abuse-prone forms, any request to /verifikasi.</summary>
public sealed class RateLimitPolicyTests
{
    [Theory]
    [InlineData("POST", "/akun/masuk", "SignIn")]
    [InlineData("POST", "/akun/masuk/2fa", "SignIn")]
    [InlineData("POST", "/AKUN/Masuk/", "SignIn")]
    [InlineData("GET", "/akun/masuk", null)]
    [InlineData("HEAD", "/akun/masuk", null)]
    [InlineData("POST", "/akun/daftar", "Registration")]
    [InlineData("POST", "/akun/lupa-sandi", "PasswordReset")]
    [InlineData("POST", "/akun/atur-ulang-sandi", "PasswordReset")]
    [InlineData("POST", "/lacak", "Track")]
    [InlineData("GET", "/lacak", null)]
    [InlineData("POST", "/permohonan/klaim", "Claim")]
    [InlineData("GET", "/verifikasi", "Verify")]
    [InlineData("GET", "/verifikasi/ABC-123", "Verify")]
    [InlineData("POST", "/layanan/ktp-el/ajukan", "Upload")]
    [InlineData("GET", "/layanan/ktp-el/ajukan", null)]
    [InlineData("POST", "/layanan/ajukan", null)]
    [InlineData("POST", "/akun/keluar", null)]
    [InlineData("GET", "/css/site.css", null)]
    public void Policy_by_method_and_path(string method, string path, string? policy) =>
        Assert.Equal(policy, PortalRateLimiting.PolicyFor(method, path));
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Security;

/// <summary>Security headers on every kind of response; no-store for signed-in users only; no inline code the CSP would block.</summary>
public abstract partial class SecurityHeadersTests(PortalFixture portal) : PortalTests(portal)
{
    private const string ExpectedCsp =
        "default-src 'self'; script-src 'self' 'nonce-{n}'; style-src 'self'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    [PortalTheory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData(LoginUrl, HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/halaman-yang-tidak-ada", HttpStatusCode.NotFound)]
    [InlineData("/galat/429", HttpStatusCode.TooManyRequests)]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode status)
    {
        using var response = await NewClient().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [PortalFact]
    public async Task A_post_rejected_for_a_missing_token_still_carries_the_security_headers()
    {
        using var response = await NewClient().PostAsync(LoginUrl, [new("Email", "x@contoh.test")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [PortalFact]
    public async Task Each_request_gets_a_fresh_csp_nonce()
    {
        var client = NewClient();
        var nonces = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/");
            nonces.Add(Nonce(response));
        }

        Assert.Equal(5, nonces.Count);
        Assert.All(nonces, n => Assert.True(Convert.FromBase64String(n).Length >= 16, "A nonce carries at least 128 random bits."));
    }

    [PortalFact]
    public async Task Pages_for_signed_in_users_are_no_store_anonymous_catalogue_and_static_files_are_not()
    {
        var anonymous = NewClient();
        using (var catalogue = await anonymous.GetAsync("/layanan"))
        {
            Assert.Equal(HttpStatusCode.OK, catalogue.StatusCode);
            Assert.False(catalogue.Headers.CacheControl?.NoStore ?? false, "Anonymous catalogue pages may be cached.");
        }

        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();
        await SignInAsync(client, citizen.Email, citizen.Password);

        foreach (var url in new[] { AccountUrl, "/", "/layanan", "/akun/2fa/aktifkan" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore ?? false, $"GET {url} signed in: expected Cache-Control: no-store.");
            AssertSecurityHeaders(response);
        }

        using var css = await client.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.False(css.Headers.CacheControl?.NoStore ?? false, "Static files stay cacheable.");
    }

    [PortalFact]
    public async Task Pages_have_no_inline_script_or_style_the_csp_would_block()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();
        var pages = new List<HtmlPage>
        {
            await client.GetPageAsync("/"),
            await client.GetPageAsync("/layanan"),
            await client.GetPageAsync(LoginUrl),
            await client.GetPageAsync(RegisterUrl),
            await client.GetPageAsync("/lacak"),
        };
        await SignInAsync(client, citizen.Email, citizen.Password);
        pages.Add(await client.GetPageAsync(AccountUrl));
        var enable = await client.GetPageAsync("/akun/2fa/aktifkan"); // the QRCoder SVG
        Assert.True(enable.Has(".qr svg"), "The two-factor page shows the QR code as inline SVG.");
        pages.Add(enable);

        foreach (var page in pages)
        {
            Assert.Empty(page.Document.QuerySelectorAll("script:not([src]):not([nonce])"));
            Assert.Empty(page.Document.QuerySelectorAll("style, [style]"));
            Assert.DoesNotMatch(InlineHandler(), page.Html);
        }
    }

    [PortalFact]
    public void Hsts_is_one_year_with_subdomains()
    {
        var hsts = App.Services.GetRequiredService<IOptions<HstsOptions>>().Value;

        Assert.Equal(TimeSpan.FromDays(365), hsts.MaxAge);
        Assert.True(hsts.IncludeSubDomains);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var nonce = Nonce(response);
        Assert.Equal(ExpectedCsp.Replace("{n}", nonce, StringComparison.Ordinal), Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("camera=(), microphone=(), geolocation=()", Header(response, "Permissions-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
    }

    private static string Nonce(HttpResponseMessage response)
    {
        var match = NonceSource().Match(Header(response, "Content-Security-Policy"));
        Assert.True(match.Success, "The CSP has a nonce source.");
        return match.Groups[1].Value;
    }

    private static string Header(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values),
            $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: missing {name}.");
        return Assert.Single(values);
    }

    [GeneratedRegex("'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}

[Collection(SqlitePortalCollection.Name)]
public sealed class SecurityHeadersOnSqlite(SqlitePortalFixture portal) : SecurityHeadersTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class SecurityHeadersOnPostgreSql(PostgreSqlPortalFixture portal) : SecurityHeadersTests(portal);

using System.Net;
using Microsoft.AspNetCore.Localization;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Site;

/// <summary>What every page relies on: antiforgery, health endpoints, the 404 page, the language switch.</summary>
public abstract class SiteTests(PortalFixture portal) : PortalTests(portal)
{
    [PortalFact]
    public async Task Post_without_an_antiforgery_token_gets_the_friendly_400_page_in_Indonesian()
    {
        var client = NewClient();
        await client.GetPageAsync(LoginUrl); // holds the antiforgery cookie, sends no token

        var page = await PortalClient.ReadPageAsync(
            await client.PostAsync(LoginUrl, [new("Email", "warga@palopo.test"), new("Password", Citizen.DemoPassword)]),
            HttpStatusCode.BadRequest);

        Assert.Equal("id", page.Language);
        Assert.Equal(T.Id("Error.BadRequestTitle"), page.Heading);
        Assert.Contains(T.Id("Error.BadRequestText"), page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page.Html, StringComparison.Ordinal);
        await AssertSignedOutAsync(client);
    }

    [PortalFact]
    public async Task Post_from_a_stranger_without_cookie_or_token_gets_400_not_500()
    {
        var page = await PortalClient.ReadPageAsync(
            await NewClient().PostAsync(RegisterUrl, [new("FullName", "Andi"), new("Email", "andi@contoh.test")]),
            HttpStatusCode.BadRequest);

        Assert.Equal(T.Id("Error.BadRequestTitle"), page.Heading);
    }

    [PortalFact]
    public async Task Post_with_a_forged_antiforgery_token_gets_400()
    {
        var client = NewClient();
        var login = await client.GetPageAsync(LoginUrl);
        var token = login.Form(LoginUrl).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token));
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var page = await PortalClient.ReadPageAsync(
            await client.SubmitAsync(login, LoginUrl, new Dictionary<string, string?>
            {
                ["Email"] = "warga@palopo.test",
                ["Password"] = Citizen.DemoPassword,
                ["__RequestVerificationToken"] = forged,
            }),
            HttpStatusCode.BadRequest);

        Assert.Equal(T.Id("Error.BadRequestTitle"), page.Heading);
        await AssertSignedOutAsync(client);
    }

    [PortalFact]
    public async Task Token_taken_from_another_visitor_gets_400()
    {
        var victim = NewClient();
        var attacker = NewClient();
        var attackerPage = await attacker.GetPageAsync(LoginUrl);

        // The victim holds its own antiforgery cookie; the token in the forged form is the attacker's.
        var victimPage = await victim.GetPageAsync(LoginUrl);
        var attackerToken = attackerPage.Form(LoginUrl).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var response = await victim.SubmitAsync(victimPage, LoginUrl, new Dictionary<string, string?>
        {
            ["Email"] = "warga@palopo.test",
            ["Password"] = Citizen.DemoPassword,
            ["__RequestVerificationToken"] = attackerToken,
        });

        await PortalClient.ReadPageAsync(response, HttpStatusCode.BadRequest);
        await AssertSignedOutAsync(victim);
    }

    [PortalTheory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoint_answers_200_to_anyone(string url)
    {
        using var response = await NewClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [PortalTheory]
    [InlineData("/halaman-yang-tidak-ada", "id")]
    [InlineData("/halaman-yang-tidak-ada?culture=en", "en")]
    [InlineData("/akun/tidak-ada", "id")] // under a protected area: still a 404, not a sign-in redirect
    public async Task Unknown_address_gets_a_friendly_404_page_in_the_visitors_language(string url, string culture)
    {
        var page = await NewClient().GetPageAsync(url, HttpStatusCode.NotFound);

        Assert.Equal(culture, page.Language);
        Assert.Equal(T.In(culture, "Error.NotFoundTitle"), page.Heading);
        Assert.Contains(T.In(culture, "Error.NotFoundText"), page.MainText, StringComparison.Ordinal);
        Assert.Equal("/", page.Document.QuerySelector("main a.button")?.GetAttribute("href"));
    }

    [PortalFact]
    public async Task Chosen_language_is_remembered_in_a_cookie_until_switched_back()
    {
        var client = NewClient();
        var home = await client.GetPageAsync("/");
        Assert.Equal("id", home.Language);
        var switchLink = home.Document.QuerySelector("a.lang-switch")?.GetAttribute("href");
        Assert.Equal("/?culture=en", switchLink);

        await client.GetPageAsync(switchLink!);

        Assert.Equal(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("en")), Uri.UnescapeDataString(client.Cookie(CookieRequestCultureProvider.DefaultCookieName) ?? ""));
        var login = await client.GetPageAsync(LoginUrl); // no ?culture any more
        Assert.Equal("en", login.Language);
        Assert.Equal(T.En("Login.Title"), login.Heading);
        var missing = await client.GetPageAsync("/tidak-ada", HttpStatusCode.NotFound);
        Assert.Equal(T.En("Error.NotFoundTitle"), missing.Heading);

        await client.GetPageAsync(login.Document.QuerySelector("a.lang-switch")!.GetAttribute("href")!);
        Assert.Equal(T.Id("Login.Title"), (await client.GetPageAsync(LoginUrl)).Heading);
    }
}

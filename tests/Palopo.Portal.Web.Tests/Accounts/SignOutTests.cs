using System.Net;
using Microsoft.AspNetCore.Http;
using Palopo.Portal.Web.Framework;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Accounts;

/// <summary>
/// Sign-out is the one post on every signed-in page and carries no antiforgery token (ADR 0018): it
/// works from the portal's own pages and is refused when the browser says another site sent it.
/// </summary>
public abstract class SignOutTests(PortalFixture portal) : PortalTests(portal)
{
    [PortalFact]
    public async Task The_sign_out_form_on_every_page_has_no_token_and_signs_out_from_the_portals_own_page()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();
        await SignInAsync(client, citizen.Email, citizen.Password);
        var page = await AssertSignedInAsync(client, citizen.Email);
        Assert.Null(page.Form("/akun/keluar").QuerySelector("input[name=__RequestVerificationToken]"));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/akun/keluar") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await client.Http.SendAsync(request);
        Redirects.AssertRedirect(response, "/");
        await AssertSignedOutAsync(client);
    }

    [PortalTheory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://penipu.example")]
    [InlineData("Origin", "null")]
    [InlineData("Referer", "https://penipu.example/hadiah")]
    public async Task A_sign_out_posted_from_another_site_is_refused_and_signs_nobody_out(string header, string value)
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();
        await SignInAsync(client, citizen.Email, citizen.Password);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/akun/keluar") { Content = new FormUrlEncodedContent([]) };
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertSignedInAsync(client, citizen.Email);
    }

    [Theory]
    [InlineData(null, null, null, true)]                                   // a very old browser: the Lax cookie is the guard
    [InlineData("same-origin", "https://penipu.example", null, true)]      // Fetch Metadata decides where the browser sends it
    [InlineData("none", null, null, false)]
    [InlineData(null, "https://portal.palopokota.go.id", null, true)]
    [InlineData(null, "http://portal.palopokota.go.id", null, false)]      // another scheme is another origin
    [InlineData(null, "https://portal.palopokota.go.id.penipu.example", null, false)]
    [InlineData(null, null, "https://portal.palopokota.go.id/permohonan", true)]
    [InlineData(null, null, "https://penipu.example/portal.palopokota.go.id", false)]
    [InlineData(null, null, "not a url", false)]
    public void Same_origin_is_judged_by_fetch_metadata_then_origin_then_referer(string? site, string? origin, string? referer, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("portal.palopokota.go.id");
        if (site is not null)
            context.Request.Headers["Sec-Fetch-Site"] = site;
        if (origin is not null)
            context.Request.Headers.Origin = origin;
        if (referer is not null)
            context.Request.Headers.Referer = referer;
        Assert.Equal(expected, SameOriginPostAttribute.IsSameOrigin(context.Request));
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class SignOutOnSqlite(SqlitePortalFixture portal) : SignOutTests(portal);

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Application.Catalogue;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Catalogue;

/// <summary>
/// The output cache of the anonymous catalogue pages: a second visitor gets the stored page without a
/// database round trip (a change made behind the portal's back stays invisible until
/// <see cref="ICatalogueCache.InvalidateAsync"/>), one copy per language, never a copy for or from a
/// signed-in user, never a copy of a response that sets a cookie, and a fresh CSP nonce every time.
/// Each test uses a service of its own and retires it at the end, so the shared catalogue is unchanged.
/// </summary>
public abstract partial class CatalogueCacheTests(PortalFixture portal) : PortalTests(portal)
{
    [PortalFact]
    public async Task Second_anonymous_visit_is_served_from_the_cache_until_the_catalogue_is_invalidated()
    {
        var (slug, name) = await AddServiceAsync();
        var url = "/layanan/" + slug;
        var search = "/layanan?q=" + slug;

        using var first = await NewClient().GetAsync(url);
        using var firstSearch = await NewClient().GetAsync(search);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains(name, await firstSearch.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Behind the portal's back: the database no longer offers the service.
        await RetireAsync(slug, invalidate: false);

        using var second = await NewClient().GetAsync(url);
        using var secondSearch = await NewClient().GetAsync(search);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Age is not null, "A page from the output cache says how old it is (Age).");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(await firstSearch.Content.ReadAsStringAsync(), await secondSearch.Content.ReadAsStringAsync());

        await InvalidateAsync();

        using var afterwards = await NewClient().GetAsync(url);
        using var searchAfterwards = await NewClient().GetAsync(search);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
        Assert.DoesNotContain(name, await searchAfterwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task Each_language_has_its_own_cached_page()
    {
        var (slug, name) = await AddServiceAsync();
        var url = "/layanan/" + slug;
        var english = NewClient();
        using (var switched = await english.GetAsync(url + "?culture=en"))
        {
            // The switch sets the language cookie, so that response is never stored or replayed.
            Assert.Contains(switched.Headers, h => h.Key == "Set-Cookie");
        }

        var indonesianPage = await NewClient().GetPageAsync(url);
        var englishPage = await english.GetPageAsync(url);
        Assert.Equal("id", indonesianPage.Language);
        Assert.Equal("en", englishPage.Language);
        Assert.Contains("Old service", englishPage.Html, StringComparison.Ordinal);

        await RetireAsync(slug, invalidate: false);

        // Both stored copies answer, each in its own language.
        Assert.Equal("id", (await NewClient().GetPageAsync(url)).Language);
        var cachedEnglish = await english.GetPageAsync(url);
        Assert.Equal("en", cachedEnglish.Language);
        Assert.Equal(englishPage.Html, cachedEnglish.Html);
        Assert.Contains(name, (await NewClient().GetPageAsync(url)).Html, StringComparison.Ordinal);

        await InvalidateAsync();
        using var id = await NewClient().GetAsync(url);
        using var en = await english.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, id.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, en.StatusCode);
    }

    [PortalFact]
    public async Task A_language_switch_always_sets_the_cookie_even_after_the_page_is_cached()
    {
        var (slug, _) = await AddServiceAsync();
        for (var i = 0; i < 2; i++)
        {
            using var response = await NewClient().GetAsync($"/layanan/{slug}?culture=en");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies), $"Visit {i + 1} did not set the language cookie.");
            Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        }

        await RetireAsync(slug, invalidate: true);
    }

    [PortalFact]
    public async Task Signed_in_user_never_gets_the_cached_anonymous_page_nor_leaves_one_behind()
    {
        var (slug, name) = await AddServiceAsync();
        var url = "/layanan/" + slug;
        var citizen = NewClient();
        await SignInAsync(citizen, "warga@palopo.test", Citizen.DemoPassword);

        // Signed in first: the page shows their own header and is not stored for anyone else.
        var personal = await citizen.GetPageAsync(url);
        Assert.NotNull(personal.Document.QuerySelector("form[action='/akun/keluar']"));
        var anonymous = await NewClient().GetPageAsync(url);
        Assert.Null(anonymous.Document.QuerySelector("form[action='/akun/keluar']"));
        Assert.NotNull(anonymous.Document.QuerySelector("a[href='/akun/masuk']"));
        Assert.DoesNotContain("/permohonan\"", anonymous.Html, StringComparison.Ordinal);

        // The anonymous copy is now stored; the signed-in user still gets a fresh page from the database.
        await RetireAsync(slug, invalidate: false);
        using (var cachedForAnonymous = await NewClient().GetAsync(url))
            Assert.Equal(HttpStatusCode.OK, cachedForAnonymous.StatusCode);
        using (var fresh = await citizen.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, fresh.StatusCode);
            Assert.Null(fresh.Headers.Age);
        }

        await InvalidateAsync();
        Assert.DoesNotContain(name, (await NewClient().GetPageAsync("/layanan?q=" + slug)).Html, StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task A_cached_page_gets_a_fresh_csp_nonce_and_its_body_relies_on_none()
    {
        var (slug, _) = await AddServiceAsync();
        var url = "/layanan/" + slug;
        using var first = await NewClient().GetAsync(url);
        using var second = await NewClient().GetAsync(url);

        Assert.NotNull(second.Headers.Age);
        var body = await second.Content.ReadAsStringAsync();
        Assert.Equal(await first.Content.ReadAsStringAsync(), body);
        Assert.NotEqual(Nonce(first), Nonce(second));
        Assert.DoesNotContain("nonce=", body, StringComparison.Ordinal);

        await RetireAsync(slug, invalidate: true);
    }

    [PortalFact]
    public async Task A_catalogue_change_signalled_by_another_node_evicts_the_cached_pages_here()
    {
        var (slug, _) = await AddServiceAsync();
        var url = "/layanan/" + slug;
        using (var first = await NewClient().GetAsync(url))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // Another node's admin retires the service: its row changes, and that node appends a signal
        // to the log, which is all this node hears of it.
        await RetireAsync(slug, invalidate: false);
        using (var cached = await NewClient().GetAsync(url))
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        await CacheSignalLog.AppendAsync(App.Services, CacheTopics.Catalogue, "");

        var status = await CacheSignalLog.PollUntilAsync(async () =>
        {
            using var response = await NewClient().GetAsync(url);
            return response.StatusCode;
        }, s => s == HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private static string Nonce(HttpResponseMessage response) =>
        NoncePattern().Match(string.Join(' ', response.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();

    private Task InvalidateAsync() =>
        InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ICatalogueCache>().InvalidateAsync(CancellationToken.None);
            return true;
        });

    /// <summary>An active service of the test's own; the cache is invalidated as an admin's change would.</summary>
    private async Task<(string Slug, string Name)> AddServiceAsync()
    {
        var slug = "uji-cache-" + Guid.NewGuid().ToString("N")[..8];
        var name = "Layanan uji " + slug;
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var agencyId = await db.Agencies.Where(a => a.Code == "disdukcapil").Select(a => a.Id).SingleAsync();
            var service = new Service(slug, agencyId, new LocalizedText(name, "Old service " + slug), LifeEvent.IdentityDocuments, 3,
                [new WorkflowStep("verifikasi", new LocalizedText("Verifikasi", "Check"), "Officer")]);
            db.Services.Add(service);
            db.ServiceFormVersions.Add(service.PublishForm(new FormDefinition([], []), DateTime.UtcNow));
            await db.SaveChangesAsync();
            return true;
        });
        await InvalidateAsync();
        return (slug, name);
    }

    private async Task RetireAsync(string slug, bool invalidate)
    {
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var service = await db.Services.SingleAsync(s => s.Slug == slug);
            service.Retire();
            await db.SaveChangesAsync();
            return true;
        });
        if (invalidate)
            await InvalidateAsync();
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class CatalogueCacheOnSqlite(SqlitePortalFixture portal) : CatalogueCacheTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class CatalogueCacheOnPostgreSql(PostgreSqlPortalFixture portal) : CatalogueCacheTests(portal);

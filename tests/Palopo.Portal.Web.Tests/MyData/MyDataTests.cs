using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Officer;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.MyData;

/// <summary>
/// /data-saya: the citizen sees which officer of which agency opened their request, and nobody
/// else's accesses; downloads all of their own data (and nothing of anyone else) as JSON; sees the
/// consent they gave. Anonymous visitors are sent to sign in, staff are refused.
/// </summary>
public abstract class MyDataTests(PortalFixture portal) : ReviewTestsBase(portal)
{
    public const string MyDataUrl = "/data-saya";
    public const string DownloadUrl = "/data-saya/unduh";

    [PortalFact]
    public async Task An_officer_opening_the_request_shows_in_the_citizens_access_log_and_in_no_one_elses()
    {
        var (client, citizen, reference) = await SubmittedAktaAsync();
        var (otherClient, _) = await SignedInCitizenAsync();

        var page = await client.GetPageAsync(MyDataUrl);
        Assert.Equal(T.Id("MyData.Title"), page.Heading);
        Assert.Equal(T.Id("MyData.Access.Empty"), page.Text("#no-access"));

        // The officer opens the review page (a RequestViewed entry) and takes the request on.
        var officer = await StaffAsync(Officer);
        var review = await officer.GetPageAsync(ReviewUrl(reference));
        await AssertDoneAsync(officer, await DecideAsync(officer, review, reference, "ambil"), reference, "Officer.Review.Claimed");
        var agency = await AgencyNameOfAsync(Officer);

        page = await client.GetPageAsync(MyDataUrl);
        Assert.False(page.Has("#no-access"));
        var rows = page.Document.QuerySelectorAll("#access-log tbody tr").ToList();
                var actions = rows.Select(r => r.QuerySelector(".access-what")!.TextContent.Trim()).ToList();
        // Newest first: the view after the claim (the review page shown again), the claim, the first view.
        Assert.Equal([T.Id("MyData.Action.RequestViewed"), T.Id("MyData.Action.RequestClaimed"), T.Id("MyData.Action.RequestViewed")], actions);
        Assert.All(rows, row =>
        {
            Assert.Equal(OfficerName, row.QuerySelector(".access-who")!.TextContent.Trim());
            Assert.Equal(agency, row.QuerySelector(".access-agency")!.TextContent.Trim());
            Assert.Equal($"/permohonan/{reference}", row.QuerySelector(".access-request a")!.GetAttribute("href"));
            Assert.EndsWith("WITA", row.QuerySelector(".access-when")!.TextContent.Trim(), StringComparison.Ordinal);
        });

        // Another citizen sees none of it.
        var other = await otherClient.GetPageAsync(MyDataUrl);
        Assert.True(other.Has("#no-access"), other.MainText);
        Assert.DoesNotContain(reference, other.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(OfficerName, other.MainText, StringComparison.Ordinal);

        // The consent given at registration.
        var user = await FindUserAsync(citizen.Email);
        Assert.False(string.IsNullOrEmpty(user!.PrivacyNoticeVersion));
        Assert.Contains(user.PrivacyNoticeVersion!, page.Text("#consent-given"), StringComparison.Ordinal);
        Assert.True(page.Has("#rights"));
        Assert.True(page.Has($"a[href='{DownloadUrl}']"));
    }

    [PortalFact]
    public async Task Entries_added_through_the_audit_trail_show_and_page_at_25()
    {
        var (client, citizen, reference) = await SubmittedAktaAsync();
        var citizenId = await UserIdAsync(citizen.Email);
        var officerId = await UserIdAsync(Officer);
        var officerAgency = (await FindUserAsync(Officer))!.AgencyId;
        await InScopeAsync(async sp =>
        {
            var audit = sp.GetRequiredService<AuditTrail>();
            var staff = new StaffMember(officerId, "Petugas Uji", officerAgency, [Palopo.Portal.Domain.Users.Roles.Officer]);
            for (var i = 0; i < 26; i++)
                audit.Record(AuditAction.DocumentViewed, staff, "RequestDocument", Guid.NewGuid(), citizenId, reference);
            return await sp.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        });

        var first = await client.GetPageAsync(MyDataUrl);
        Assert.Equal(25, first.Document.QuerySelectorAll("#access-log tbody tr").Length);
        Assert.Contains(T.Id("MyData.Action.DocumentViewed"), first.Text("#access-log"), StringComparison.Ordinal);
        Assert.True(first.Has("a[rel=next]"));
        var second = await client.GetPageAsync(MyDataUrl + "?halaman=2");
        Assert.Single(second.Document.QuerySelectorAll("#access-log tbody tr"));
        Assert.True(second.Has("a[rel=prev]"));
    }

    [PortalFact]
    public async Task The_download_holds_the_citizens_own_data_and_nothing_of_anyone_else()
    {
        var (client, citizen, reference) = await SubmittedAktaAsync();
        var (otherClient, otherCitizen, otherReference) = await SubmittedAktaAsync();
        var officer = await StaffAsync(Officer);
        await officer.GetPageAsync(ReviewUrl(reference));
        await officer.GetPageAsync(ReviewUrl(otherReference));

        using var response = await client.GetAsync(DownloadUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition?.ToString() ?? string.Join(";", response.Headers.GetValues("Content-Disposition"));
        Assert.Matches(@"^attachment; filename=""data-saya-\d{8}\.json""$", disposition);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        var json = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var account = root.GetProperty("account");
        Assert.Equal(citizen.Nik, account.GetProperty("nik").GetString());
        Assert.Equal(citizen.Email, account.GetProperty("email").GetString());
        Assert.Equal(citizen.FullName, account.GetProperty("fullName").GetString());
        Assert.EndsWith("Z", account.GetProperty("createdAtUtc").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(account.GetProperty("privacyNoticeVersion").GetString()));

        var requests = root.GetProperty("requests").EnumerateArray().ToList();
        var request = Assert.Single(requests, r => r.GetProperty("referenceNumber").GetString() == reference);
        Assert.Equal("Submitted", request.GetProperty("status").GetString());
        Assert.True(request.GetProperty("answers").EnumerateObject().Any());
        Assert.NotEmpty(request.GetProperty("documents").EnumerateArray());
        Assert.All(request.GetProperty("documents").EnumerateArray(), d => Assert.True(d.GetProperty("sizeBytes").GetInt64() > 0));
        Assert.NotEmpty(request.GetProperty("timeline").EnumerateArray());
        Assert.DoesNotContain(request.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "InternalNote");
        Assert.NotEmpty(root.GetProperty("notifications").EnumerateArray());

        var access = root.GetProperty("accessLog").EnumerateArray().ToList();
        Assert.Contains(access, a => a.GetProperty("action").GetString() == "RequestViewed"
            && a.GetProperty("reference").GetString() == reference && a.GetProperty("actorName").GetString() == OfficerName);
        Assert.All(access, a => Assert.Equal(reference, a.GetProperty("reference").GetString()));

        Assert.DoesNotContain(otherReference, json, StringComparison.Ordinal);
        Assert.DoesNotContain(otherCitizen.Nik, json, StringComparison.Ordinal);
        Assert.DoesNotContain(otherCitizen.Email, json, StringComparison.Ordinal);
        otherClient.Dispose();
    }

    [PortalFact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_staff_are_refused()
    {
        var anonymous = NewClient();
        foreach (var url in new[] { MyDataUrl, DownloadUrl })
        {
            using var response = await anonymous.GetAsync(url);
            Redirects.AssertRedirect(response, "/akun/masuk?kembali=" + Uri.EscapeDataString(url));
        }

        var officer = await StaffAsync(Officer);
        foreach (var url in new[] { MyDataUrl, DownloadUrl })
        {
            using var response = await officer.GetAsync(url);
            var location = Redirects.AssertRedirect(response);
            Assert.StartsWith("/akun/ditolak", location, StringComparison.Ordinal);
            await officer.GetPageAsync(location, HttpStatusCode.Forbidden);
        }
    }

    [PortalFact]
    public async Task Citizens_have_a_data_saya_link_in_the_menu()
    {
        var (client, _) = await SignedInCitizenAsync();
        var home = await client.GetPageAsync("/");
        Assert.True(home.Has($".main-nav a[href='{MyDataUrl}']"));
    }

    private Task<string> AgencyNameOfAsync(string email) =>
        InScopeAsync(async sp =>
        {
            var agencyId = (await FindUserAsync(email))!.AgencyId;
            return await sp.GetRequiredService<PortalDbContext>().Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync();
        });
}

[Collection(SqlitePortalCollection.Name)]
public sealed class MyDataOnSqlite(SqlitePortalFixture portal) : MyDataTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class MyDataOnPostgreSql(PostgreSqlPortalFixture portal) : MyDataTests(portal);

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Officer;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Requests;

/// <summary>
/// A citizen's request page is kept as rendered for that citizen (ADR 0018): a second view reads
/// nothing from the database, a change made here shows at once and one made by another node within
/// a signal poll, right after the citizen's own action the page is read afresh, and nobody else's
/// key ever reaches a kept page.
/// </summary>
public abstract class RequestPageCacheTests(PortalFixture portal) : RequestTestsBase(portal)
{
    [PortalFact]
    public async Task A_second_view_reads_nothing_from_the_database()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        await CacheSignalLog.WaitUntilCurrentAsync(App.Services);
        using var recorder = await SqlCommandRecorder.StartAsync();

        var (first, firstSql) = await recorder.GetAsync(client, $"/permohonan/{reference}");
        var (kept, keptSql) = await recorder.GetAsync(client, $"/permohonan/{reference}");

        Assert.Equal(MainHtml(first), MainHtml(kept));
        Assert.Equal(first.Document.Title, kept.Document.Title);
        Assert.Contains(firstSql, c => c.Contains("RequestEvents", StringComparison.Ordinal));
        Assert.DoesNotContain(keptSql, c => c.Contains("RequestEvents", StringComparison.Ordinal) || c.Contains("RequestDocuments", StringComparison.Ordinal)
            || c.Contains("ServiceRequests", StringComparison.Ordinal));
        // The same page by a lower-case reference is the same kept page.
        var (lower, lowerSql) = await recorder.GetAsync(client, $"/permohonan/{reference.ToLowerInvariant()}");
        Assert.Equal(MainHtml(first), MainHtml(lower));
        Assert.DoesNotContain(lowerSql, c => c.Contains("ServiceRequests", StringComparison.Ordinal));
    }

    [PortalFact]
    public async Task A_change_shows_at_once_here_and_within_a_poll_when_another_node_made_it()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        await CacheSignalLog.WaitUntilCurrentAsync(App.Services);
        await client.GetPageAsync($"/permohonan/{reference}");
        Assert.False((await client.GetPageAsync($"/permohonan/{reference}")).Has("#correction"));

        // Through the application, as an officer's send-back on this node.
        Assert.Equal(RequestActionOutcome.Done,
            (await SendBackAsync(reference, Officer, new CorrectionRequestItem(CorrectionTarget.Field, "rt_rw", "RT/RW tidak terbaca"))).Outcome);
        var sentBack = await client.GetPageAsync($"/permohonan/{reference}");
        Assert.Contains("RT/RW tidak terbaca", sentBack.Text("#correction"), StringComparison.Ordinal);
        await client.GetPageAsync($"/permohonan/{reference}"); // kept again

        // Another node's change reaches this database, and its signal reaches the log.
        var id = (await LoadRequestAsync(reference)).Id;
        await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RequestStatus.Withdrawn).SetProperty(r => r.AwaitsOfficer, false)
                .SetProperty(r => r.DecisionReason, "Ditarik di loket").SetProperty(r => r.Version, r => r.Version + 1)));
        Assert.False((await client.GetPageAsync($"/permohonan/{reference}")).Has("#withdrawal")); // still the kept page: the signal is not in yet
        await CacheSignalLog.AppendAsync(App.Services, CacheTopics.Request, id.ToString("D"));
        var withdrawn = await CacheSignalLog.PollUntilAsync(() => client.GetPageAsync($"/permohonan/{reference}"), page => page.Has("#withdrawal"));
        Assert.Contains("Ditarik di loket", withdrawn.Text("#withdrawal"), StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task A_page_with_a_message_from_the_citizens_last_step_is_read_afresh()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        await CacheSignalLog.WaitUntilCurrentAsync(App.Services);
        await client.GetPageAsync($"/permohonan/{reference}");
        var id = (await LoadRequestAsync(reference)).Id;

        // As if another node had just changed it and its signal were not in yet.
        await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RequestStatus.Withdrawn).SetProperty(r => r.AwaitsOfficer, false)
                .SetProperty(r => r.DecisionReason, "Salah pilih layanan")));
        Assert.False((await client.GetPageAsync($"/permohonan/{reference}")).Has("#withdrawal")); // kept

        // A step of the citizen's that ends on the request page with a message (here: "nothing to correct").
        using var redirected = await client.GetAsync($"/permohonan/{reference}/perbaiki");
        var page = await client.FollowAsync(redirected, $"/permohonan/{reference}");
        Assert.True(page.Has("#request-notice"));
        Assert.Contains("Salah pilih layanan", page.Text("#withdrawal"), StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task A_kept_page_is_still_nobody_elses()
    {
        var (owner, _) = await SignedInCitizenAsync();
        var (other, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(owner);
        await CacheSignalLog.WaitUntilCurrentAsync(App.Services);
        await owner.GetPageAsync($"/permohonan/{reference}");
        Assert.Equal(reference, (await owner.GetPageAsync($"/permohonan/{reference}")).Text("#reference-number"));

        using var response = await other.GetAsync($"/permohonan/{reference}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Address, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string MainHtml(HtmlPage page) => page.Document.QuerySelector("main")!.InnerHtml.Trim();
}

[Collection(SqlitePortalCollection.Name)]
public sealed class RequestPageCacheOnSqlite(SqlitePortalFixture portal) : RequestPageCacheTests(portal);

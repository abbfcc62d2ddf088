using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Officer;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Requests;

/// <summary>
/// A citizen's request page is kept as rendered from one version of the request (ADR 0018): a
/// second view reads only the owner and version, any change (made here or by another node) shows at
/// once because it moves the version, and the ownership check comes before anything kept.
/// </summary>
public abstract class RequestPageCacheTests(PortalFixture portal) : RequestTestsBase(portal)
{
    [PortalFact]
    public async Task A_second_view_of_the_same_version_reads_only_its_owner_and_version()
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
        Assert.DoesNotContain(keptSql, c => c.Contains("RequestEvents", StringComparison.Ordinal) || c.Contains("RequestDocuments", StringComparison.Ordinal));
        Assert.Single(keptSql, c => c.Contains("ServiceRequests", StringComparison.Ordinal));
    }

    [PortalFact]
    public async Task Every_change_shows_at_once_also_one_made_by_another_node()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        await CacheSignalLog.WaitUntilCurrentAsync(App.Services);
        await client.GetPageAsync($"/permohonan/{reference}");
        Assert.False((await client.GetPageAsync($"/permohonan/{reference}")).Has("#correction"));

        // Through the application, as an officer's send-back.
        Assert.Equal(RequestActionOutcome.Done,
            (await SendBackAsync(reference, Officer, new CorrectionRequestItem(CorrectionTarget.Field, "rt_rw", "RT/RW tidak terbaca"))).Outcome);
        var sentBack = await client.GetPageAsync($"/permohonan/{reference}");
        Assert.Contains("RT/RW tidak terbaca", sentBack.Text("#correction"), StringComparison.Ordinal);
        await client.GetPageAsync($"/permohonan/{reference}"); // kept again

        // Another node's change reaches this database only: its new version is enough, no signal needed.
        await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.Where(r => r.ReferenceNumber == reference)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RequestStatus.Withdrawn).SetProperty(r => r.AwaitsOfficer, false)
                .SetProperty(r => r.DecisionReason, "Ditarik di loket").SetProperty(r => r.Version, r => r.Version + 1)));
        var withdrawn = await client.GetPageAsync($"/permohonan/{reference}");
        Assert.Contains("Ditarik di loket", withdrawn.Text("#withdrawal"), StringComparison.Ordinal);
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

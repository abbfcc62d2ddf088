using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Areas.Officer;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Officer;

/// <summary>
/// The agency queue's rendered body is kept for the next officer (ADR 0018). What matters is that it
/// is never stale on this node and never crosses agencies or languages: every save that changes a
/// queued request or a name a queue shows drops it at once, and another node's signal drops it
/// within a poll. Requests are seeded far overdue so they are on the first page.
/// </summary>
public abstract class QueueCacheTests(PortalFixture portal) : QueueTestsBase(portal)
{
    private const string Akta = "akta-kelahiran";
    private const string Izin = "izin-usaha-mikro";

    [PortalFact]
    public async Task The_body_is_rendered_once_for_all_officers_of_the_agency_until_one_of_its_requests_changes()
    {
        var first = (await SeedAsync(new QueueSeed(Akta, DueInDays: -3000)))[0];
        var officer = await SignedInStaffAsync(Officer);
        var kepala = await SignedInStaffAsync(Kepala);
        await CacheSignalLog.WaitUntilCurrentAsync(App.Services);
        using var recorder = await SqlCommandRecorder.StartAsync();

        var (rendered, renderedSql) = await recorder.GetAsync(officer, "/petugas/antrian");
        Assert.Contains(first, Rows(rendered));
        var (kept, keptSql) = await recorder.GetAsync(kepala, "/petugas/antrian");
        Assert.Equal(MainHtml(rendered), MainHtml(kept));
        Assert.Contains(renderedSql, c => c.Contains("ServiceRequests", StringComparison.Ordinal));
        Assert.DoesNotContain(keptSql, c => c.Contains("ServiceRequests", StringComparison.Ordinal));

        // A new request of the agency: the next view reads the database again and lists it.
        var second = (await SeedAsync(new QueueSeed(Akta, DueInDays: -2999)))[0];
        var (afterSubmit, afterSubmitSql) = await recorder.GetAsync(kepala, "/petugas/antrian");
        Assert.Contains(second, Rows(afterSubmit));
        Assert.Contains(afterSubmitSql, c => c.Contains("ServiceRequests", StringComparison.Ordinal));

        // An assignment through the domain, as the review pages make it.
        var officerId = await UserIdAsync(Officer);
        await ChangeRequestAsync(second, r => r.Assign(officerId, new Actor(officerId, OfficerName, "Officer"), DateTime.UtcNow));
        var assigned = await officer.GetPageAsync("/petugas/antrian");
        Assert.Equal(OfficerName, assigned.Text($"#queue tr[data-reference='{second}'] .queue-officer"));

        // A decision takes it out of the queue.
        await ChangeRequestAsync(first, r => r.Withdraw("tes", new Actor(r.ApplicantUserId!.Value, Citizen1Name, "Citizen"), DateTime.UtcNow));
        Assert.DoesNotContain(first, Rows(await officer.GetPageAsync("/petugas/antrian")));
    }

    [PortalFact]
    public async Task A_renamed_applicant_shows_at_once()
    {
        var reference = (await SeedAsync(new QueueSeed(Akta, DueInDays: -2900, Applicant: Citizen2)))[0];
        var officer = await SignedInStaffAsync(Officer);
        await CacheSignalLog.WaitUntilCurrentAsync(App.Services);
        Assert.Equal(Citizen2Name, (await officer.GetPageAsync("/petugas/antrian")).Text($"#queue tr[data-reference='{reference}'] .queue-applicant"));
        await officer.GetPageAsync("/petugas/antrian"); // kept

        try
        {
            await RenameAsync(Citizen2, "Andi Baso Rahim");
            Assert.Equal("Andi Baso Rahim", (await officer.GetPageAsync("/petugas/antrian")).Text($"#queue tr[data-reference='{reference}'] .queue-applicant"));
        }
        finally
        {
            await RenameAsync(Citizen2, Citizen2Name);
        }
    }

    [PortalFact]
    public async Task A_kept_body_never_reaches_another_agency_or_the_other_language()
    {
        var (disdukcapilRef, dpmptspRef) = (await SeedAsync(new QueueSeed(Akta, DueInDays: -2800), new QueueSeed(Izin, DueInDays: -2800))) switch { var r => (r[0], r[1]) };
        var disdukcapil = await SignedInStaffAsync(Officer);
        var dpmptsp = await SignedInStaffAsync(DpmptspOfficer);
        await CacheSignalLog.WaitUntilCurrentAsync(App.Services);

        var indonesian = await disdukcapil.GetPageAsync("/petugas/antrian");
        await disdukcapil.GetPageAsync("/petugas/antrian");
        Assert.Contains(disdukcapilRef, Rows(indonesian));

        var other = await dpmptsp.GetPageAsync("/petugas/antrian");
        Assert.Contains(dpmptspRef, Rows(other));
        Assert.DoesNotContain(disdukcapilRef, other.Html, StringComparison.Ordinal);

        await disdukcapil.GetPageAsync("/petugas?culture=en"); // the language cookie, as the switch sets it
        var english = await disdukcapil.GetPageAsync("/petugas/antrian");
        Assert.Equal("en", english.Language);
        Assert.Equal(T.En("OfficerQueue.List.Title"), english.Heading);
        Assert.Contains(disdukcapilRef, Rows(english));
        await disdukcapil.GetPageAsync("/petugas?culture=id");
    }

    [PortalFact]
    public async Task A_change_another_node_signals_drops_the_kept_body_within_a_poll()
    {
        var reference = (await SeedAsync(new QueueSeed(Akta, DueInDays: -2700)))[0];
        var officer = await SignedInStaffAsync(Officer);
        await CacheSignalLog.WaitUntilCurrentAsync(App.Services);
        await officer.GetPageAsync("/petugas/antrian");
        var unassigned = await officer.GetPageAsync("/petugas/antrian");
        Assert.Equal(T.Id("OfficerQueue.Unassigned"), unassigned.Text($"#queue tr[data-reference='{reference}'] .queue-officer"));

        // Another node assigns it: this node's database changes without this node's saves knowing.
        var officerId = await UserIdAsync(Officer);
        var agencyId = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            await db.ServiceRequests.Where(r => r.ReferenceNumber == reference).ExecuteUpdateAsync(s => s.SetProperty(r => r.AssignedOfficerId, officerId));
            return await db.ServiceRequests.Where(r => r.ReferenceNumber == reference).Select(r => r.AgencyId).SingleAsync();
        });
        var stale = await officer.GetPageAsync("/petugas/antrian");
        Assert.Equal(T.Id("OfficerQueue.Unassigned"), stale.Text($"#queue tr[data-reference='{reference}'] .queue-officer")); // kept: proves the cache is in play

        await CacheSignalLog.AppendAsync(App.Services, CacheTopics.Queue, agencyId.ToString("D"));
        var fresh = await CacheSignalLog.PollUntilAsync(
            () => officer.GetPageAsync("/petugas/antrian"),
            page => page.Text($"#queue tr[data-reference='{reference}'] .queue-officer") == OfficerName);
        Assert.Equal(OfficerName, fresh.Text($"#queue tr[data-reference='{reference}'] .queue-officer"));
    }

    [PortalFact]
    public async Task Saves_signal_the_agency_of_a_queued_request_after_commit_but_not_drafts_or_rolled_back_changes()
    {
        var heard = new ConcurrentQueue<string>();
        App.Services.GetRequiredService<CacheSignalBus>().Subscribe(CacheTopics.Queue, key => heard.Enqueue(key));
        var reference = (await SeedAsync(new QueueSeed(Akta, DueInDays: -2600)))[0];
        var (agencyId, service) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var r = await db.ServiceRequests.AsNoTracking().SingleAsync(x => x.ReferenceNumber == reference);
            return (r.AgencyId, (r.ServiceId, r.FormVersionId, r.ServiceDays, r.ApplicantUserId!.Value));
        });
        Assert.Contains(agencyId.ToString("D"), heard);

        // A draft is in no queue.
        heard.Clear();
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var actor = new Actor(service.Item4, Citizen1Name, "Citizen");
            db.ServiceRequests.Add(ServiceRequest.StartDraft(service.ServiceId, agencyId, service.FormVersionId, service.ServiceDays, service.Item4,
                RequestChannel.Online, Guid.NewGuid(), actor, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(agencyId.ToString("D"), heard);

        // Inside a transaction: nothing until the commit, nothing at all after a rollback.
        var officerId = await UserIdAsync(Officer);
        foreach (var commit in new[] { false, true })
        {
            heard.Clear();
            await InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<PortalDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                var request = await db.ServiceRequests.SingleAsync(r => r.ReferenceNumber == reference);
                request.Assign(officerId, new Actor(officerId, OfficerName, "Officer"), DateTime.UtcNow);
                await db.SaveChangesAsync();
                Assert.Empty(heard);
                if (commit)
                    await transaction.CommitAsync();
                else
                    await transaction.RollbackAsync();
                return 0;
            });
            Assert.Equal(commit ? [agencyId.ToString("D")] : [], heard.Distinct());
        }

        // An account saved without a new name (UserManager marks every column modified): no queue is emptied.
        heard.Clear();
        await InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(Citizen2))!;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            return 0;
        });
        Assert.DoesNotContain(CacheTopics.AllKeys, heard);
    }

    private static string MainHtml(HtmlPage page) => page.Document.QuerySelector("main")!.InnerHtml.Trim();

    private Task<Guid> UserIdAsync(string email) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task ChangeRequestAsync(string reference, Action<ServiceRequest> change) =>
        InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            change(await db.ServiceRequests.SingleAsync(r => r.ReferenceNumber == reference));
            return await db.SaveChangesAsync();
        });

    private Task RenameAsync(string email, string fullName) =>
        InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.FullName = fullName;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            return 0;
        });
}

[Collection(SqlitePortalCollection.Name)]
public sealed class QueueCacheOnSqlite(SqlitePortalFixture portal) : QueueCacheTests(portal);

using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Requests;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Officer;

/// <summary>The kepala's page /petugas/kepala: workload per officer, overdue requests, reassignment.</summary>
public abstract class SupervisorTests(PortalFixture portal) : RequestTestsBase(portal)
{
    public const string Kepala = "kepala.disdukcapil@palopo.test";
    public const string OverviewUrl = "/petugas/kepala";

    [PortalFact]
    public async Task Workload_counts_each_officers_open_overdue_and_due_today_requests()
    {
        var a = await CreateOfficerAsync("Andi Workload");
        var b = await CreateOfficerAsync("Besse Workload");
        var (citizen, _) = await SignedInCitizenAsync();
        var refs = new List<string>();
        for (var i = 0; i < 5; i++)
            refs.Add(await SubmitDomisiliAsync(citizen));

        await AssignDirectlyAsync(refs[0], a);
        await AssignDirectlyAsync(refs[1], a);
        await AssignDirectlyAsync(refs[2], a);
        await AssignDirectlyAsync(refs[3], b);
        // refs[4] stays unassigned.
        await SetDueOnAsync(refs[0], Today.AddDays(-3000)); // overdue, the most overdue of all
        await SetDueOnAsync(refs[1], Today);                 // due today
        await SetDueOnAsync(refs[3], Today.AddDays(-2990)); // overdue, second
        // A request waiting on the citizen does not count: its clock is paused.
        var paused = await SubmitDomisiliAsync(citizen);
        await AssignDirectlyAsync(paused, a);
        await SetDueOnAsync(paused, Today.AddDays(-2000));
        Assert.Equal(RequestStatus.NeedsCorrection, (await SendBackAsync(paused, Officer, new Application.Requests.CorrectionRequestItem(CorrectionTarget.Field, "rt_rw", "RT/RW tidak sesuai"))).Status);

        var page = await SignedInKepalaPageAsync(OverviewUrl);

        Assert.Equal(T.Id("Supervisor.Title"), page.Heading);
        AssertRow(page, a, open: 3, overdue: 1, dueToday: 1);
        AssertRow(page, b, open: 1, overdue: 1, dueToday: 0);
        var expected = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var agency = await db.Agencies.SingleAsync(x => x.Code == "disdukcapil");
            return await db.ServiceRequests.CountAsync(r => r.AgencyId == agency.Id && r.AwaitsOfficer && r.AssignedOfficerId == null);
        });
        Assert.True(expected >= 1);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Text("#workload tr[data-officer='none'] [data-col='open']"));
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Text("#supervisor-totals [data-count='unassigned']"));

        // Overdue list: most overdue first, with service, days overdue, officer and links.
        var rows = page.Document.QuerySelectorAll("#overdue tbody tr").Select(r => r.GetAttribute("data-reference")).ToList();
        Assert.Equal(refs[0], rows[0]);
        Assert.Equal(refs[3], rows[1]);
        Assert.DoesNotContain(refs[1], rows);
        Assert.DoesNotContain(paused, rows);
        var first = $"#overdue tr[data-reference='{refs[0]}']";
        Assert.Equal("Andi Workload", page.Text($"{first} [data-col='assigned']"));
        var calendar = await CalendarAsync();
        Assert.Equal(calendar.WorkingDaysBetween(Today.AddDays(-3000), Today).ToString(System.Globalization.CultureInfo.InvariantCulture), page.Text($"{first} [data-col='days-overdue']"));
        Assert.True(page.Has($"{first} a[href='/petugas/permohonan/{refs[0]}']"));
        Assert.True(page.Has($"{first} a[href='/petugas/kepala/alihkan/{refs[0]}']"));
        Assert.Contains("Surat Keterangan Domisili", page.Text(first), StringComparison.OrdinalIgnoreCase);
    }

    [PortalFact]
    public async Task Kepala_reassigns_a_request_to_another_officer_of_the_agency_and_it_is_audited()
    {
        var a = await CreateOfficerAsync("Andi Alih");
        var b = await CreateOfficerAsync("Besse Alih");
        var (citizen, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(citizen);
        await AssignDirectlyAsync(reference, a);
        var before = await LoadRequestAsync(reference);

        var kepala = await SignedInKepalaAsync();
        var form = await kepala.GetPageAsync($"/petugas/kepala/alihkan/{reference}");
        var offered = form.Document.QuerySelectorAll("#OfficerUserId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(a.ToString(), offered);
        Assert.Contains(b.ToString(), offered);
        Assert.Contains((await UserIdAsync(Officer)).ToString(), offered);
        Assert.Contains((await UserIdAsync(Kepala)).ToString(), offered);
        Assert.DoesNotContain((await UserIdAsync(OtherAgencyOfficer)).ToString(), offered);
        Assert.DoesNotContain((await UserIdAsync("admin@palopo.test")).ToString(), offered);
        Assert.DoesNotContain((await UserIdAsync("warga@palopo.test")).ToString(), offered);
        Assert.Equal("Andi Alih", form.Text("#assigned-officer"));

        var overview = await kepala.FollowAsync(
            await kepala.SubmitAsync(form, $"/petugas/kepala/alihkan/{reference}", new Dictionary<string, string?> { ["OfficerUserId"] = b.ToString() }),
            OverviewUrl);
        Assert.Equal(T.Id("Supervisor.Reassigned", reference, "Besse Alih"), overview.Notice);

        var after = await LoadRequestAsync(reference);
        Assert.Equal(b, after.AssignedOfficerId);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(RequestStatus.InReview, after.Status);
        Assert.Equal(before.Events.Count(e => e.Kind == RequestEventKind.Assigned) + 1, after.Events.Count(e => e.Kind == RequestEventKind.Assigned));
        var audit = await AuditAsync(reference);
        var entry = Assert.Single(audit);
        Assert.Equal(AuditAction.RequestAssigned, entry.Action);
        Assert.Equal(await UserIdAsync(Kepala), entry.ActorUserId);
        Assert.Equal(after.Id, entry.SubjectId);
        Assert.Equal(after.AgencyId, entry.ActorAgencyId);
        Assert.Contains(b.ToString(), entry.Detail, StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task Reassigning_to_another_agencys_officer_a_citizen_nobody_or_from_a_stale_form_is_refused_and_changes_nothing()
    {
        var a = await CreateOfficerAsync("Andi Tolak");
        var (citizen, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(citizen);
        await AssignDirectlyAsync(reference, a);
        var before = await LoadRequestAsync(reference);
        var url = $"/petugas/kepala/alihkan/{reference}";
        var kepala = await SignedInKepalaAsync();

        foreach (var forged in new[] { await UserIdAsync(OtherAgencyOfficer), await UserIdAsync("warga@palopo.test"), await UserIdAsync("admin@palopo.test"), Guid.NewGuid() })
        {
            var form = await kepala.GetPageAsync(url);
            var refused = await PortalClient.ReadPageAsync(
                await kepala.SubmitAsync(form, url, new Dictionary<string, string?> { ["OfficerUserId"] = forged.ToString() }),
                HttpStatusCode.UnprocessableEntity);
            Assert.Equal(T.Id("Supervisor.OfficerNotAllowed"), refused.FieldError("OfficerUserId"));
            Assert.Contains(T.Id("Supervisor.OfficerNotAllowed"), refused.ErrorSummary);
        }

        var empty = await PortalClient.ReadPageAsync(
            await kepala.SubmitAsync(await kepala.GetPageAsync(url), url, new Dictionary<string, string?> { ["OfficerUserId"] = "" }),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("Supervisor.ChooseOfficer"), empty.FieldError("OfficerUserId"));
        var garbage = await PortalClient.ReadPageAsync(
            await kepala.SubmitAsync(await kepala.GetPageAsync(url), url, new Dictionary<string, string?> { ["OfficerUserId"] = "bukan-guid", ["Version"] = "x" }),
            HttpStatusCode.Conflict);
        Assert.Contains(T.Id("Supervisor.Conflict"), garbage.ErrorSummary);

        // A stale form: someone changed the request after the page was shown.
        var stale = await kepala.GetPageAsync(url);
        await AssignDirectlyAsync(reference, a); // bumps the version
        var conflict = await PortalClient.ReadPageAsync(
            await kepala.SubmitAsync(stale, url, new Dictionary<string, string?> { ["OfficerUserId"] = (await UserIdAsync(Officer)).ToString() }),
            HttpStatusCode.Conflict);
        Assert.Contains(T.Id("Supervisor.Conflict"), conflict.ErrorSummary);

        var after = await LoadRequestAsync(reference);
        Assert.Equal(a, after.AssignedOfficerId);
        Assert.Equal(before.Version + 1, after.Version); // only the test's own direct assignment
        Assert.Empty(await AuditAsync(reference));
    }

    [PortalFact]
    public async Task Officer_without_the_supervisor_role_and_citizen_are_refused()
    {
        var (citizen, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(citizen);
        var before = await LoadRequestAsync(reference);

        var officer = NewClient();
        await SignInWithAuthenticatorAsync(officer, Officer, Citizen.DemoPassword, Citizen.DemoStaffAuthenticatorKey);
        foreach (var client in new[] { officer, citizen })
        {
            foreach (var url in new[] { OverviewUrl, $"/petugas/kepala/alihkan/{reference}" })
            {
                using var response = await client.GetAsync(url);
                await AssertRefusedAsync(client, response);
            }

            using var post = await client.PostAsync($"/petugas/kepala/alihkan/{reference}",
                [new("OfficerUserId", (await UserIdAsync(Officer)).ToString()), new("Version", before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            await AssertRefusedAsync(client, post);
        }

        var after = await LoadRequestAsync(reference);
        Assert.Null(after.AssignedOfficerId);
        Assert.Equal(before.Version, after.Version);
        Assert.Empty(await AuditAsync(reference));
    }

    [PortalFact]
    public async Task Another_agencys_request_or_an_unknown_number_gives_404_and_is_not_changed()
    {
        var (citizen, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(citizen);
        // Make it a DPMPTSP request as far as agency checks go.
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var dpmptsp = await db.Agencies.SingleAsync(x => x.Code == "dpmptsp");
            return await db.ServiceRequests.Where(r => r.ReferenceNumber == reference)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.AgencyId, dpmptsp.Id));
        });
        var before = await LoadRequestAsync(reference);
        var kepala = await SignedInKepalaAsync();

        await AssertNotFoundAsync(kepala, $"/petugas/kepala/alihkan/{reference}");
        await AssertNotFoundAsync(kepala, "/petugas/kepala/alihkan/PLP-2026-999999");
        var overview = await kepala.GetPageAsync(OverviewUrl);
        Assert.DoesNotContain(reference, overview.Html, StringComparison.Ordinal);

        // A forged post with a valid antiforgery token of the supervisor's own.
        var token = (await kepala.GetPageAsync("/lacak")).Document.QuerySelector("form[method='post'] input[name='__RequestVerificationToken']")?.GetAttribute("value");
        Assert.NotNull(token);
        using var post = await kepala.PostAsync($"/petugas/kepala/alihkan/{reference}",
            [new("OfficerUserId", (await UserIdAsync(Officer)).ToString()), new("Version", before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("__RequestVerificationToken", token!)]);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var after = await LoadRequestAsync(reference);
        Assert.Null(after.AssignedOfficerId);
        Assert.Equal(before.Version, after.Version);
    }

    [PortalFact]
    public async Task Overview_and_reassign_page_speak_english_with_culture_en()
    {
        var page = await SignedInKepalaPageAsync(OverviewUrl + "?culture=en");
        Assert.Equal(T.En("Supervisor.Title"), page.Heading);
        Assert.Equal("en", page.Language);
    }

    // ---------- helpers ----------

    private async Task<PortalClient> SignedInKepalaAsync()
    {
        var client = NewClient();
        await SignInWithAuthenticatorAsync(client, Kepala, Citizen.DemoPassword, Citizen.DemoStaffAuthenticatorKey);
        return client;
    }

    private async Task<HtmlPage> SignedInKepalaPageAsync(string url) => await (await SignedInKepalaAsync()).GetPageAsync(url);

    private static void AssertRow(HtmlPage page, Guid officer, int open, int overdue, int dueToday)
    {
        var row = $"#workload tr[data-officer='{officer}']";
        Assert.True(page.Has(row), $"No workload row for {officer}");
        Assert.Equal(open.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Text($"{row} [data-col='open']"));
        Assert.Equal(overdue.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Text($"{row} [data-col='overdue']"));
        Assert.Equal(dueToday.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Text($"{row} [data-col='due-today']"));
    }

    /// <summary>A policy refusal: the cookie handler sends the person to the access-denied page, which answers 403.</summary>
    private static async Task AssertRefusedAsync(PortalClient client, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
            return;
        var location = Redirects.AssertRedirect(response);
        Assert.StartsWith("/akun/ditolak", location, StringComparison.Ordinal);
        using var denied = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    /// <summary>A new active Disdukcapil officer with two-factor on (they never sign in in these tests).</summary>
    private Task<Guid> CreateOfficerAsync(string name) =>
        InScopeAsync(async sp =>
        {
            var agency = await sp.GetRequiredService<PortalDbContext>().Agencies.SingleAsync(x => x.Code == "disdukcapil");
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var email = $"petugas.{Guid.NewGuid():N}"[..20] + "@palopo.test";
            var user = new PortalUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, FullName = name, AgencyId = agency.Id, CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, "kopi toraja di pagi hari")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Officer)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
            return user.Id;
        });

    /// <summary>Assigns through the domain, as a claim would (the claim screen is another part's).</summary>
    private Task AssignDirectlyAsync(string reference, Guid officer) =>
        InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var request = await db.ServiceRequests.SingleAsync(r => r.ReferenceNumber == reference);
            request.Assign(officer, new Actor(officer, "Petugas", Roles.Officer), DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

    private Task SetDueOnAsync(string reference, DateOnly due) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests
            .Where(r => r.ReferenceNumber == reference)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, due)));

    private Task<List<AuditEntry>> AuditAsync(string reference) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Reference == reference && e.Action == AuditAction.RequestAssigned).ToListAsync());
}

[Collection(SqlitePortalCollection.Name)]
public sealed class SupervisorOnSqlite(SqlitePortalFixture portal) : SupervisorTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class SupervisorOnPostgreSql(PostgreSqlPortalFixture portal) : SupervisorTests(portal);

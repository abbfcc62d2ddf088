using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Officer;

/// <summary>
/// The officer's workspace (/petugas) and the agency queue (/petugas/antrian): counts per service and
/// step, own agency only, filters, search, keyset paging without gaps or duplicates, who may enter,
/// and a bounded number of SQL commands whatever the page holds.
/// </summary>
public abstract class QueueTests(PortalFixture portal) : QueueTestsBase(portal)
{
    private const string Akta = "akta-kelahiran";
    private const string Kia = "kartu-identitas-anak";
    private const string Izin = "izin-usaha-mikro";

    private static int Count(HtmlPage page, string service, int step, string kind) =>
        int.Parse(page.Text($"#service-{service} tr[data-step='{step}'] td[data-count='{kind}']").Split(' ', '–')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static int Total(HtmlPage page, string kind) =>
        int.Parse(page.Document.QuerySelector($"#queue-summary a[data-count='{kind}'] strong")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    [PortalFact]
    public async Task Workspace_counts_new_mine_due_today_and_overdue_per_service_and_step_and_links_to_the_list()
    {
        var officer = await SignedInStaffAsync(Officer);
        var before = await officer.GetPageAsync("/petugas");
        Assert.Equal(T.Id("OfficerQueue.Workspace.Title"), before.Heading);

        var refs = await SeedAsync(
            new QueueSeed(Akta, RequestStatus.Submitted, DueInDays: 4),                                  // new
            new QueueSeed(Akta, RequestStatus.Submitted, DueInDays: 0),                                  // new, due today
            new QueueSeed(Akta, RequestStatus.InReview, DueInDays: -3, AssignedTo: Officer),             // mine, overdue
            new QueueSeed(Akta, RequestStatus.InReview, DueInDays: 2, AssignedTo: Kepala, Step: 1),      // someone else's, step 2
            new QueueSeed(Akta, RequestStatus.Resubmitted, DueInDays: 0, AssignedTo: Officer, Step: 1),  // mine, due today, step 2
            new QueueSeed(Akta, RequestStatus.NeedsCorrection, DueInDays: -5, AssignedTo: Officer),      // waits on the citizen: not counted
            new QueueSeed(Akta, RequestStatus.Approved, DueInDays: -5, AssignedTo: Officer, Step: 1),    // decided: not counted
            new QueueSeed(Izin, RequestStatus.Submitted, DueInDays: -1));                                // another agency

        var after = await officer.GetPageAsync("/petugas");
        Assert.Equal(Count(before, Akta, 0, "new") + 2, Count(after, Akta, 0, "new"));
        Assert.Equal(Count(before, Akta, 0, "mine") + 1, Count(after, Akta, 0, "mine"));
        Assert.Equal(Count(before, Akta, 0, "due-today") + 1, Count(after, Akta, 0, "due-today"));
        Assert.Equal(Count(before, Akta, 0, "overdue") + 1, Count(after, Akta, 0, "overdue"));
        Assert.Equal(Count(before, Akta, 1, "new"), Count(after, Akta, 1, "new"));
        Assert.Equal(Count(before, Akta, 1, "mine") + 1, Count(after, Akta, 1, "mine"));
        Assert.Equal(Count(before, Akta, 1, "due-today") + 1, Count(after, Akta, 1, "due-today"));
        Assert.Equal(Count(before, Akta, 1, "overdue"), Count(after, Akta, 1, "overdue"));
        Assert.Equal(Total(before, "new") + 2, Total(after, "new"));
        Assert.Equal(Total(before, "mine") + 2, Total(after, "mine"));
        Assert.Equal(Total(before, "due-today") + 2, Total(after, "due-today"));
        Assert.Equal(Total(before, "overdue") + 1, Total(after, "overdue"));
        Assert.False(after.Has($"#service-{Izin}")); // DPMPTSP's service is not in Disdukcapil's workspace
        var stepNames = after.Document.QuerySelectorAll($"#service-{Akta} tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(2, stepNames.Count);
        Assert.StartsWith("1. ", stepNames[0], StringComparison.Ordinal);

        // Each count opens the list filtered the same way.
        var newList = await officer.GetPageAsync(after.Document.QuerySelector($"#service-{Akta} tr[data-step='0'] td[data-count='new'] a")!.GetAttribute("href")!);
        var newRows = Rows(newList);
        Assert.Contains(refs[0], newRows);
        Assert.Contains(refs[1], newRows);
        Assert.DoesNotContain(refs[2], newRows);
        Assert.DoesNotContain(refs[3], newRows);
        var mineList = Rows(await officer.GetPageAsync(after.Document.QuerySelector($"#service-{Akta} tr[data-step='1'] td[data-count='mine'] a")!.GetAttribute("href")!));
        Assert.Contains(refs[4], mineList);
        Assert.DoesNotContain(refs[3], mineList);
        Assert.DoesNotContain(refs[6], mineList);
        var overdueList = Rows(await officer.GetPageAsync(after.Document.QuerySelector($"#service-{Akta} tr[data-step='0'] td[data-count='overdue'] a")!.GetAttribute("href")!));
        Assert.Contains(refs[2], overdueList);
        Assert.DoesNotContain(refs[5], overdueList); // paused while it waits on the citizen
    }

    [PortalFact]
    public async Task The_queue_shows_only_the_officers_own_agency()
    {
        var refs = await SeedAsync(new QueueSeed(Akta, DueInDays: -30), new QueueSeed(Izin, DueInDays: -30));
        var (disdukcapilRef, dpmptspRef) = (refs[0], refs[1]);

        var disdukcapil = await SignedInStaffAsync(Officer);
        var dpmptsp = await SignedInStaffAsync(DpmptspOfficer);

        var own = await disdukcapil.GetPageAsync("/petugas/antrian");
        Assert.Contains(disdukcapilRef, Rows(own));
        Assert.DoesNotContain(dpmptspRef, Rows(own));
        Assert.DoesNotContain(dpmptspRef, own.Html, StringComparison.Ordinal);
        Assert.Empty(Rows(await disdukcapil.GetPageAsync($"/petugas/antrian?cari={dpmptspRef}")));
        Assert.Empty(Rows(await dpmptsp.GetPageAsync($"/petugas/antrian?cari={disdukcapilRef}")));
        Assert.Equal([dpmptspRef], Rows(await dpmptsp.GetPageAsync($"/petugas/antrian?cari={dpmptspRef}")));

        // Everything the DPMPTSP officer's queue lists, page after page, belongs to DPMPTSP.
        var listed = (await WalkAsync(dpmptsp, "/petugas/antrian")).Select(r => r.Reference).ToList();
        Assert.Contains(dpmptspRef, listed);
        var agencies = await InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            return (from r in db.ServiceRequests where listed.Contains(r.ReferenceNumber!)
                    join a in db.Agencies on r.AgencyId equals a.Id select a.Code).Distinct().ToListAsync();
        });
        Assert.Equal(["dpmptsp"], agencies);
        // A DPMPTSP service in the filter is simply unknown to a Disdukcapil officer.
        var foreign = await disdukcapil.GetPageAsync($"/petugas/antrian?layanan={Izin}");
        Assert.True(foreign.Has("#filter-invalid"));
        Assert.DoesNotContain(dpmptspRef, Rows(foreign));
    }

    [PortalFact]
    public async Task Rows_show_reference_service_step_status_applicant_due_date_and_officer_but_no_NIK()
    {
        var refs = await SeedAsync(
            new QueueSeed(Kia, RequestStatus.InReview, DueInDays: -2, AssignedTo: Officer),
            new QueueSeed(Kia, RequestStatus.Submitted, DueInDays: 0, Applicant: Citizen2));
        var officer = await SignedInStaffAsync(Officer);

        var overdue = await officer.GetPageAsync($"/petugas/antrian?cari={refs[0]}");
        var row = overdue.Document.QuerySelector($"#queue tr[data-reference='{refs[0]}']")!;
        Assert.Equal($"/petugas/permohonan/{refs[0]}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Kartu Identitas Anak", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(T.Id("Requests.Status.InReview"), row.QuerySelector(".badge")!.TextContent.Trim());
        Assert.Equal(Citizen1Name, row.QuerySelector(".queue-applicant")!.TextContent.Trim());
        Assert.Equal(OfficerName, row.QuerySelector(".queue-officer")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector(".queue-due .overdue-flag"));
        Assert.Contains("queue-row--overdue", row.ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("7373014501900001", overdue.Html, StringComparison.Ordinal);

        var dueToday = (await officer.GetPageAsync($"/petugas/antrian?cari={refs[1]}")).Document.QuerySelector($"#queue tr[data-reference='{refs[1]}']")!;
        Assert.Equal(T.Id("OfficerQueue.Unassigned"), dueToday.QuerySelector(".queue-officer")!.TextContent.Trim());
        Assert.Equal(T.Id("OfficerQueue.DueTodayFlag"), dueToday.QuerySelector(".due-today-flag")!.TextContent.Trim());
        Assert.Equal(Citizen2Name, dueToday.QuerySelector(".queue-applicant")!.TextContent.Trim());

        var english = await officer.GetPageAsync($"/petugas/antrian?cari={refs[1]}&culture=en");
        Assert.Equal(T.En("OfficerQueue.List.Title"), english.Heading);
    }

    [PortalFact]
    public async Task Filters_and_reference_search_narrow_the_list()
    {
        var refs = await SeedAsync(
            new QueueSeed(Akta, RequestStatus.Submitted, DueInDays: 40),                                        // 0
            new QueueSeed(Kia, RequestStatus.InReview, DueInDays: 41, AssignedTo: Officer),                     // 1 mine
            new QueueSeed(Kia, RequestStatus.NeedsCorrection, DueInDays: 42, AssignedTo: Officer),              // 2
            new QueueSeed(Akta, RequestStatus.Approved, DueInDays: 43, AssignedTo: Kepala, Step: 1),            // 3
            new QueueSeed(Akta, RequestStatus.Submitted, DueInDays: -7),                                        // 4 overdue
            new QueueSeed(Akta, RequestStatus.Submitted, DueInDays: 0, Applicant: Citizen2));                   // 5 due today, other kelurahan
        var officer = await SignedInStaffAsync(Officer);

        async Task<List<string>> ListAsync(string query) => (await WalkAsync(officer, "/petugas/antrian" + query)).Select(r => r.Reference).ToList();

        var awaiting = await ListAsync("");
        Assert.Contains(refs[0], awaiting);
        Assert.Contains(refs[1], awaiting);
        Assert.DoesNotContain(refs[2], awaiting); // waits on the citizen
        Assert.DoesNotContain(refs[3], awaiting); // decided

        var akta = await ListAsync($"?layanan={Akta}");
        Assert.Contains(refs[0], akta);
        Assert.DoesNotContain(refs[1], akta);

        Assert.Equal([refs[2]], (await ListAsync("?status=NeedsCorrection")).Intersect(refs));
        Assert.Equal([refs[3]], (await ListAsync($"?status=Approved&layanan={Akta}")).Intersect(refs));
        Assert.Equal([refs[1]], (await ListAsync("?milik=saya")).Intersect(refs));
        Assert.Equal([refs[4]], (await ListAsync("?tenggat=terlambat")).Intersect(refs));
        Assert.Equal([refs[5]], (await ListAsync("?tenggat=hari-ini")).Intersect(refs));
        var kelurahan = await ListAsync($"?kelurahan={Citizen2Kelurahan}");
        Assert.Contains(refs[5], kelurahan);
        Assert.DoesNotContain(refs[0], kelurahan);

        // Search: exact number, any status, case and spaces forgiven.
        Assert.Equal([refs[3]], Rows(await officer.GetPageAsync($"/petugas/antrian?cari=%20{refs[3].ToLowerInvariant()}%20")));
        Assert.Empty(Rows(await officer.GetPageAsync("/petugas/antrian?cari=PLP-2098-999999")));

        // Sort: latest deadline first.
        var descending = await WalkAsync(officer, "/petugas/antrian?urut=turun");
        Assert.Equal(descending.Select(r => r.Due).OrderDescending(StringComparer.Ordinal), descending.Select(r => r.Due));

        // Nonsense in the address: a clear notice, the rest of the page works, never a 500.
        var bad = await officer.GetPageAsync("/petugas/antrian?status=Draft&tahap=x&tenggat=kemarin&cari=12345&setelah=nope&urut=acak&kelurahan=99");
        Assert.Equal(T.Id("OfficerQueue.Filter.Invalid"), bad.Text("#filter-invalid"));
        Assert.Contains(refs[0], Rows(bad).Concat(await ListAsync("")));
    }

    [PortalFact]
    public async Task Keyset_paging_walks_the_whole_queue_without_duplicates_or_gaps()
    {
        // Thirty requests sharing one due date: the tie is broken by id, across the page boundary.
        await SeedAsync([.. Enumerable.Range(0, 30).Select(_ => new QueueSeed(Kia, DueInDays: 9))]);
        var officer = await SignedInStaffAsync(Officer);

        var first = await officer.GetPageAsync("/petugas/antrian");
        Assert.Equal(25, Rows(first).Count);
        var next = first.Document.QuerySelector("a#queue-next")!.GetAttribute("href")!;
        Assert.Matches(@"^/petugas/antrian\?setelah=\d{4}-\d{2}-\d{2}%7C[0-9a-f-]{36}$", next);

        foreach (var query in new[] { "", "?urut=turun", $"?layanan={Kia}" })
        {
            var walked = await WalkAsync(officer, "/petugas/antrian" + query);
            var references = walked.Select(r => r.Reference).ToList();
            Assert.Equal(references.Count, references.Distinct().Count());
            var dues = walked.Select(r => r.Due).ToList();
            Assert.Equal(query == "?urut=turun" ? dues.OrderDescending(StringComparer.Ordinal) : dues.Order(StringComparer.Ordinal), dues);

            var expected = await InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<PortalDbContext>();
                var agency = await db.Agencies.Where(a => a.Code == "disdukcapil").Select(a => a.Id).SingleAsync();
                var kia = await db.Services.Where(s => s.Slug == Kia).Select(s => s.Id).SingleAsync();
                return await db.ServiceRequests
                    .Where(r => r.AgencyId == agency && r.AwaitsOfficer && (query != $"?layanan={Kia}" || r.ServiceId == kia))
                    .Select(r => r.ReferenceNumber!).ToListAsync();
            });
            Assert.Equal(expected.Order(StringComparer.Ordinal), references.Order(StringComparer.Ordinal));
        }
    }

    [PortalFact]
    public async Task Visitors_are_sent_to_sign_in_and_citizens_are_refused()
    {
        var anonymous = NewClient();
        foreach (var url in new[] { "/petugas", "/petugas/antrian" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.StartsWith("/akun/masuk?kembali=", Redirects.AssertRedirect(response), StringComparison.Ordinal);
        }

        var citizen = NewClient();
        await SignInAsync(citizen, Citizen1, Citizen.DemoPassword);
        foreach (var url in new[] { "/petugas", "/petugas/antrian" })
        {
            using var response = await citizen.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.StartsWith("/akun/ditolak", Redirects.AssertRedirect(response), StringComparison.Ordinal);
                using var denied = await citizen.GetAsync(Redirects.AssertRedirect(response));
                Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            }
            else
            {
                Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
            }
        }
    }

    [PortalFact]
    public async Task The_queue_page_runs_the_same_few_SQL_commands_whatever_it_shows()
    {
        var refs = await SeedAsync([.. Enumerable.Range(0, 26).Select(i => new QueueSeed(i % 2 == 0 ? Akta : Kia, DueInDays: -1 - i, AssignedTo: i % 3 == 0 ? Officer : null))]);
        var officer = await SignedInStaffAsync(Officer);
        using var recorder = await SqlCommandRecorder.StartAsync();
        await officer.GetPageAsync("/petugas/antrian?urut=naik"); // warm caches (kelurahan, agency name)

        // The same sign-in checks and layout run on the home page: what the queue adds is the difference.
        var (_, baseline) = await recorder.GetAsync(officer, "/");
        var (full, fullCommands) = await recorder.GetAsync(officer, "/petugas/antrian?urut=naik");
        var (one, oneCommands) = await recorder.GetAsync(officer, $"/petugas/antrian?cari={refs[0]}");
        var (filtered, filteredCommands) = await recorder.GetAsync(officer, $"/petugas/antrian?kelurahan=73.73.01.1001&milik=saya&layanan={Akta}");
        Assert.Equal(25, Rows(full).Count);
        Assert.Single(Rows(one));
        Assert.NotEmpty(Rows(filtered));

        var queueCommands = fullCommands.Count - baseline.Count;
        Assert.True(queueCommands <= 4,
            $"The queue page ran {queueCommands} SQL commands of its own:\n{string.Join("\n----\n", fullCommands.Except(baseline))}");
        Assert.Equal(fullCommands.Count, oneCommands.Count);
        Assert.Equal(fullCommands.Count, filteredCommands.Count);
        Assert.Single(fullCommands, c => c.Contains("ServiceRequests", StringComparison.Ordinal));

        // The default view, kept after its first rendering (ADR 0018), runs nothing of its own.
        await officer.GetPageAsync("/petugas/antrian");
        var (kept, keptCommands) = await recorder.GetAsync(officer, "/petugas/antrian");
        Assert.Equal(Rows(full), Rows(kept));
        Assert.Equal(baseline.Count, keptCommands.Count);

        var (workspace, workspaceCommands) = await recorder.GetAsync(officer, "/petugas");
        Assert.Equal(T.Id("OfficerQueue.Workspace.Title"), workspace.Heading);
        Assert.True(workspaceCommands.Count - baseline.Count <= 3,
            $"The workspace ran {workspaceCommands.Count - baseline.Count} SQL commands of its own.");
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class QueueOnSqlite(SqlitePortalFixture portal) : QueueTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class QueueOnPostgreSql(PostgreSqlPortalFixture portal) : QueueTests(portal);

using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Admin;

/// <summary>/admin/audit and /admin/audit.csv, and the sign-in events that feed them.</summary>
public abstract class AuditLogTests(PortalFixture portal) : AdminTestsBase(portal)
{
    [PortalFact]
    public async Task Sign_ins_failures_and_sign_outs_are_audited_without_passwords()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var userId = await UserIdAsync(citizen.Email);
        var client = NewClient();
        const string wrongPassword = "salah sekali kata sandinya";
        var unknown = $"tidak.ada.{Guid.NewGuid():N}"[..24] + "@palopo.test";

        var wrong = await PortalClient.ReadPageAsync(await PostLoginAsync(client, citizen.Email, wrongPassword));
        var nobody = await PortalClient.ReadPageAsync(await PostLoginAsync(client, unknown, wrongPassword));
        Assert.Equal(wrong.ErrorSummary, nobody.ErrorSummary); // the page tells no difference
        await SignInAsync(client, citizen.Email, citizen.Password);
        await SignOutAsync(client);

        var mine = await AuditAsync(q => q.Where(a => a.ActorUserId == userId).OrderBy(a => a.AtUtc));
        Assert.Equal([AuditAction.SignInFailed, AuditAction.SignInSucceeded, AuditAction.SignedOut],
            mine.Select(a => a.Action).Where(a => a is AuditAction.SignInFailed or AuditAction.SignInSucceeded or AuditAction.SignedOut));
        Assert.Equal("wrong password", mine.First(a => a.Action == AuditAction.SignInFailed).Detail);
        var unknownEntry = Assert.Single(await AuditAsync(q => q.Where(a => a.Action == AuditAction.SignInFailed && a.ActorName == unknown)));
        Assert.Null(unknownEntry.ActorUserId);
        Assert.Equal("unknown account", unknownEntry.Detail);
        Assert.Empty(await AuditAsync(q => q.Where(a => (a.Detail != null && a.Detail.Contains(wrongPassword)) || a.ActorName.Contains(wrongPassword)
            || (a.Detail != null && a.Detail.Contains(citizen.Password)))));

        // The admin finds them by e-mail and action.
        var admin = await SignedInAdminAsync();
        var page = await admin.GetPageAsync($"/admin/audit?pengguna={Uri.EscapeDataString(citizen.Email)}&aksi=SignInFailed");
        var rows = page.Document.QuerySelectorAll("#audit tbody tr").ToList();
        Assert.Single(rows);
        Assert.Equal("SignInFailed", rows[0].GetAttribute("data-action"));
    }

    [PortalFact]
    public async Task Filters_narrow_the_list_and_the_csv_carries_the_same_rows_safely_escaped()
    {
        var reference = $"PLP-2097-{Random.Shared.Next(100000, 999999)}";
        var day = new DateTime(2097, 6, 10, 2, 0, 0, DateTimeKind.Utc); // 10:00 WITA on 10 June 2097
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            db.AuditEntries.Add(new AuditEntry(AuditAction.RequestRejected, day, null, "=HYPERLINK(\"http://evil.test\")", null,
                "ServiceRequest", Guid.NewGuid(), null, reference, "alasan: \"tidak lengkap\", mohon ulangi\nbaris kedua"));
            db.AuditEntries.Add(new AuditEntry(AuditAction.StepApproved, day.AddDays(1), null, "@Petugas Satu", null,
                "ServiceRequest", Guid.NewGuid(), null, reference, "+62 811; -1"));
            db.AuditEntries.Add(new AuditEntry(AuditAction.StepApproved, day.AddDays(5), null, "Petugas Dua", null,
                "ServiceRequest", Guid.NewGuid(), null, reference, "nanti"));
            return await db.SaveChangesAsync();
        });
        var admin = await SignedInAdminAsync();

        var all = await admin.GetPageAsync($"/admin/audit?referensi={reference}");
        Assert.Equal(3, all.Document.QuerySelectorAll("#audit tbody tr").Length);
        var ranged = await admin.GetPageAsync($"/admin/audit?referensi={reference.ToLowerInvariant()}&dari=2097-06-10&sampai=2097-06-11");
        Assert.Equal(["StepApproved", "RequestRejected"], ranged.Document.QuerySelectorAll("#audit tbody tr").Select(r => r.GetAttribute("data-action")));
        var action = await admin.GetPageAsync($"/admin/audit?referensi={reference}&aksi=RequestRejected");
        Assert.Single(action.Document.QuerySelectorAll("#audit tbody tr"));
        Assert.Equal($"/admin/audit.csv?aksi=RequestRejected&referensi={reference}", action.Document.QuerySelector("#csv-link")!.GetAttribute("href"));

        using var response = await admin.GetAsync($"/admin/audit.csv?referensi={reference}&dari=2097-06-10&sampai=2097-06-11");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n");
        Assert.Equal("waktu_utc,waktu_wita,aksi,pelaku,pelaku_id,instansi_pelaku_id,jenis_subjek,subjek_id,subjek_data_id,referensi,keterangan", lines[0]);
        Assert.StartsWith("2097-06-11T02:00:00Z,2097-06-11 10:00:00,StepApproved,'@Petugas Satu,,,ServiceRequest,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($",{reference},'+62 811; -1", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2097-06-10T02:00:00Z,2097-06-10 10:00:00,RequestRejected,\"'=HYPERLINK(\"\"http://evil.test\"\")\",", lines[2], StringComparison.Ordinal);
        Assert.EndsWith($",{reference},\"alasan: \"\"tidak lengkap\"\", mohon ulangi\nbaris kedua\"", lines[2], StringComparison.Ordinal);
        Assert.Equal("", lines[3]);
        Assert.Equal(4, lines.Length);

        // The export is itself on record.
        Assert.NotEmpty(await AuditAsync(q => q.Where(a => a.Action == AuditAction.AuditLogExported && a.Detail!.Contains(reference))));
    }

    [PortalFact]
    public async Task Audit_page_has_no_way_to_change_entries_and_shows_in_english_too()
    {
        var admin = await SignedInAdminAsync();
        var page = await admin.GetPageAsync("/admin/audit?culture=en");
        Assert.Equal(T.En("AdminAudit.Title"), page.Heading);
        Assert.Empty(page.Document.QuerySelectorAll("main form[method=post]"));
        using var post = await admin.PostAsync("/admin/audit", []);
        Assert.True(post.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound,
            $"POST /admin/audit gave {(int)post.StatusCode}");
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class AuditLogOnSqlite(SqlitePortalFixture portal) : AuditLogTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class AuditLogOnPostgreSql(PostgreSqlPortalFixture portal) : AuditLogTests(portal);

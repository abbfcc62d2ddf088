using System.Net;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Admin;

/// <summary>The admin screens open to admins only: visitors are sent to sign in, everyone else is refused (403).</summary>
public abstract class AdminAuthorizationTests(PortalFixture portal) : AdminTestsBase(portal)
{
    private static readonly string[] Pages = ["/admin/petugas", "/admin/petugas/undang", "/admin/hari-libur", "/admin/audit", "/admin/audit.csv"];

    [PortalFact]
    public async Task Visitors_are_sent_to_sign_in()
    {
        var visitor = NewClient();
        foreach (var url in Pages)
        {
            using var response = await visitor.GetAsync(url);
            Assert.Equal($"/akun/masuk?kembali={Uri.EscapeDataString(url)}", Redirects.AssertRedirect(response));
        }
    }

    [PortalFact]
    public async Task Citizens_officers_and_supervisors_are_refused_pages_and_posts()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var citizenClient = NewClient();
        await SignInAsync(citizenClient, citizen.Email, citizen.Password);
        var clients = new[] { citizenClient, await SignedInStaffAsync(DemoOfficer), await SignedInStaffAsync(DemoSupervisor) };
        var holidaysBefore = await AuditAsync(q => q.Where(a => a.Action == Domain.Audit.AuditAction.HolidayAdded));
        var adminId = await UserIdAsync(DemoAdmin);

        foreach (var client in clients)
        {
            foreach (var url in Pages)
            {
                using var response = await client.GetAsync(url);
                Assert.StartsWith("/akun/ditolak", Redirects.AssertRedirect(response), StringComparison.Ordinal);
            }

            // A form posted with a valid token of this user is refused as well, and changes nothing.
            var account = await client.GetPageAsync("/lacak");
            var token = account.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            foreach (var (url, fields) in new (string, KeyValuePair<string, string>[])[]
            {
                ("/admin/hari-libur/tambah", [new("Year", "2096"), new("Date", "2096-01-02"), new("NameId", "Bukan admin"), new("Kind", "National")]),
                ("/admin/petugas/undang", [new("FullName", "Penyusup"), new("Email", "penyusup@palopo.test"), new("Roles", "Admin")]),
                ($"/admin/petugas/{adminId}/nonaktifkan", []),
            })
            {
                using var response = await client.PostAsync(url, [.. fields, new("__RequestVerificationToken", token)]);
                Assert.StartsWith("/akun/ditolak", Redirects.AssertRedirect(response), StringComparison.Ordinal);
            }

            var denied = await client.GetPageAsync("/akun/ditolak", HttpStatusCode.Forbidden);
            Assert.NotEmpty(denied.Heading);
        }

        Assert.Null(await FindUserAsync("penyusup@palopo.test"));
        Assert.True((await FindUserAsync(DemoAdmin))!.IsActive);
        Assert.Equal(holidaysBefore.Count, (await AuditAsync(q => q.Where(a => a.Action == Domain.Audit.AuditAction.HolidayAdded))).Count);
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class AdminAuthorizationOnSqlite(SqlitePortalFixture portal) : AdminAuthorizationTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class AdminAuthorizationOnPostgreSql(PostgreSqlPortalFixture portal) : AdminAuthorizationTests(portal);

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Calendar;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.PersonalData;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Documents;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Security;

/// <summary>
/// Asserts <see cref="AuthorizationMatrix"/> over HTTP: every route × every role, with real sign-ins
/// (staff with their authenticator), against a request citizen A submitted through the real form.
/// Refusals must not carry the resource's data, and refused unsafe requests must change nothing.
/// </summary>
public abstract class AuthorizationMatrixTests(PortalFixture portal, ITestOutputHelper output) : DocumentTestsBase(portal)
{
    private const string Marker = "Zulkarnain Rahasiamatriks";
    private const string RightsMarker = "Permintaan hak Rahasiamatriks";

    [PortalFact]
    public async Task Every_route_answers_every_role_as_the_matrix_says_and_refusals_leak_nothing()
    {
        var (citizenA, a) = await SignedInCitizenAsync();
        var form = await OpenFormAsync(citizenA);
        var answers = ValidAnswers();
        answers[Answer("nama_anak")] = Marker;
        using (var submitted = await PostFormAsync(citizenA, form, answers, RequiredDocuments()))
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var reference = (await RequestsOfAsync(a.Email)).Single().ReferenceNumber!;
        var request = await RequestAsync(reference);
        var documentId = request.Documents.First().Id;
        var aId = await UserIdAsync(a.Email);
        var notificationId = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var existing = await db.Notifications.Where(n => n.UserId == aId).Select(n => (Guid?)n.Id).FirstOrDefaultAsync();
            if (existing is not null)
                return existing.Value;
            var notification = new Notification(aId, NotificationKind.Submitted, request.Id, reference, DateTime.UtcNow);
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            return notification.Id;
        });

        // A second akta of A, approved by the officer and the kepala: issued, with its PDF.
        var issuedReference = await SubmitValidAsync(citizenA);
        Assert.Equal(RequestActionOutcome.Done, (await ApproveAsync(issuedReference, Officer)).Outcome);
        Assert.Equal(RequestStatus.Issued, (await ApproveAsync(issuedReference, Kepala)).Status);
        // A's rights request, filed through the form.
        Guid rightsId;
        using (var filed = await citizenA.SubmitFormAsync("/data-saya", new Dictionary<string, string?> { ["kind"] = nameof(RightsRequestKind.Access), ["details"] = RightsMarker }, "/data-saya/hak"))
        {
            var location = Redirects.AssertRedirect(filed);
            rightsId = Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
        }

        // The admin pages' resources: the owning agency, the officer's account, a holiday, a recorded breach.
        var officerId = await UserIdAsync(Officer);
        var (agencyCode, holidayId, breachId) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var code = await (from s in db.Services join g in db.Agencies on s.AgencyId equals g.Id where s.Slug == Slug select g.Code).SingleAsync();
            var holiday = new Holiday(new DateOnly(2031, 3, 3), new LocalizedText("Libur uji matriks", "Matrix test holiday"), HolidayKind.National);
            db.Holidays.Add(holiday);
            var now = DateTime.UtcNow;
            var breach = DataBreach.Record("Insiden uji matriks", "Nama", "Uji", "Uji", now.AddHours(-3), now.AddHours(-2), "Admin", now);
            db.DataBreaches.Add(breach);
            await db.SaveChangesAsync();
            return (code, holiday.Id, breach.Id);
        });

        var (citizenB, _) = await SignedInCitizenAsync();
        var clients = new Dictionary<Role, PortalClient>
        {
            [Role.Anonymous] = NewClient(),
            [Role.CitizenA] = citizenA,
            [Role.CitizenB] = citizenB,
            [Role.Officer] = await StaffAsync("petugas.disdukcapil@palopo.test"),
            [Role.OtherAgencyOfficer] = await StaffAsync("petugas.dpmptsp@palopo.test"),
            [Role.Supervisor] = await StaffAsync("kepala.disdukcapil@palopo.test"),
            [Role.Admin] = await StaffAsync("admin@palopo.test"),
        };
        string Fill(string url) => url
            .Replace("{issuedref}", issuedReference, StringComparison.Ordinal)
            .Replace("{ref}", reference, StringComparison.Ordinal)
            .Replace("{counterref}", reference, StringComparison.Ordinal)
            .Replace("{doc}", documentId.ToString(), StringComparison.Ordinal)
            .Replace("{slug}", Slug, StringComparison.Ordinal)
            .Replace("{notif}", notificationId.ToString(), StringComparison.Ordinal)
            .Replace("{rights}", rightsId.ToString(), StringComparison.Ordinal)
            .Replace("{agency}", agencyCode, StringComparison.Ordinal)
            .Replace("{staff}", officerId.ToString(), StringComparison.Ordinal)
            .Replace("{holiday}", holidayId.ToString(), StringComparison.Ordinal)
            .Replace("{breach}", breachId.ToString(), StringComparison.Ordinal);
        var secrets = new[] { Marker, RightsMarker, a.Email, a.MaskedNik, a.Nik };

        var failures = new List<string>();
        var checks = 0;
        foreach (var row in AuthorizationMatrix.Rows.Where(r => r.Method == "GET"))
        {
            foreach (var (role, client) in clients)
            {
                using var response = await client.GetAsync(Fill(row.Url));
                checks++;
                var problem = await JudgeAsync(response, row.For(role), role, secrets);
                if (problem is not null)
                    failures.Add($"GET {row.Url} as {role}: {problem}");
            }
        }

        // Unsafe requests, only from the roles that must be refused: with a valid antiforgery token of
        // their own and plausible fields, so the refusal comes from authorisation, not from the token or the form.
        var versionBefore = (await RequestAsync(reference)).Version;
        var stateBefore = await StateAsync(issuedReference, rightsId, officerId, breachId);
        foreach (var row in AuthorizationMatrix.Rows.Where(r => r.Method == "POST"))
        {
            foreach (var (role, client) in clients.Where(c => row.For(c.Key) == Access.Deny))
            {
                var token = await TokenAsync(client);
                using var response = await client.PostAsync(Fill(row.Url), PlausibleFields(token, reference, versionBefore));
                checks++;
                var problem = await JudgeAsync(response, Access.Deny, role, secrets);
                if (problem is not null)
                    failures.Add($"POST {row.Url} as {role}: {problem}");
            }
        }

        Assert.Equal(stateBefore, await StateAsync(issuedReference, rightsId, officerId, breachId));
        var after = await RequestAsync(reference);
        Assert.Equal(versionBefore, after.Version);
        Assert.Equal(request.Status, after.Status);
        Assert.True(await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Notifications.Where(n => n.Id == notificationId).Select(n => n.ReadAtUtc == null).SingleAsync()),
            "Someone else marked citizen A's notification read.");
        output.WriteLine($"{AuthorizationMatrix.Rows.Length} rows, {checks} checks, {failures.Count} failed");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checks} checks failed:\n" + string.Join('\n', failures));
        Assert.True(checks > 200, $"only {checks} checks");
    }

    /// <summary>A new route must be put in the matrix (or the public list) before its tests pass.</summary>
    [PortalFact]
    public void Every_endpoint_of_the_app_is_in_the_matrix_or_the_public_list()
    {
        var inTable = AuthorizationMatrix.Rows.Select(r => $"{r.Method} {r.Template}").ToHashSet();
        var missing = AppEndpoints.All(App.Services)
            .Where(e => !inTable.Contains(e.Key) && !AuthorizationMatrix.Public.Contains(e.Key) && !AuthorizationMatrix.Public.Contains($"* {e.Template}"))
            .Select(e => e.Key)
            .ToList();
        Assert.True(missing.Count == 0, "Routes missing from AuthorizationMatrix (add a row or list them as public):\n" + string.Join('\n', missing));
        var stale = inTable.Where(k => !AppEndpoints.All(App.Services).Any(e => e.Key == k)).ToList();
        Assert.True(stale.Count == 0, "Matrix rows for routes the app no longer has:\n" + string.Join('\n', stale));
    }

    private static async Task<string?> JudgeAsync(HttpResponseMessage response, Access expected, Role role, string[] secrets)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var refusedByAuth = location.StartsWith("/akun/masuk", StringComparison.Ordinal) || location.StartsWith("/akun/ditolak", StringComparison.Ordinal)
                            || location.StartsWith("http://localhost/akun/masuk", StringComparison.Ordinal) || location.StartsWith("http://localhost/akun/ditolak", StringComparison.Ordinal);
        if (status >= 500)
            return $"{status} server error";
        switch (expected)
        {
            case Access.Allow when status == 200 || (response.RequestMessage!.Method != HttpMethod.Get && status is 302 or 400 or 409 or 422 && !refusedByAuth):
                return null;
            case Access.Redirect when status == 302 && !refusedByAuth:
                return null;
            case Access.Deny:
                // 400 on an unsafe request: refused before it reached the resource (the state checks below back this up).
                var refused = status is 403 or 404 || (status == 302 && refusedByAuth)
                              || (status == 400 && response.RequestMessage!.Method != HttpMethod.Get);
                if (role == Role.Anonymous && status == 302 && !location.Contains("/akun/masuk", StringComparison.Ordinal))
                    refused = false;
                if (!refused)
                    return $"expected a refusal, got {status} {location}";
                var body = await response.Content.ReadAsStringAsync();
                var leaked = secrets.FirstOrDefault(s => body.Contains(s, StringComparison.Ordinal));
                return leaked is null ? null : $"refused ({status}) but the body shows \"{leaked}\"";
            default:
                return $"expected {expected}, got {status} {location}";
        }
    }

    private static async Task<string> TokenAsync(PortalClient client)
    {
        var page = await client.GetPageAsync("/lacak");
        return page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static List<KeyValuePair<string, string>> PlausibleFields(string token, string reference, int version) =>
    [
        new("__RequestVerificationToken", token),
        new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("alasan", "uji otorisasi"),
        new("catatan", "uji otorisasi"),
        new("tandai", "f_nama_anak"),
        new("alasan[f_nama_anak]", "uji"),
        new("ReferenceNumber", reference),
        new("TrackingCode", "ABCD-EFGH"),
        new("OfficerId", Guid.NewGuid().ToString()),
        new("aksi", "kirim"),
        new("CurrentPassword", "salah"),
        new("NewPassword", "kata sandi baru yang panjang"),
        new("ConfirmPassword", "kata sandi baru yang panjang"),
        new("Code", "123456"),
        new("IdempotencyKey", Guid.NewGuid().ToString()),
        new("PemohonNik", "7373014501900001"),
        new("PemohonNama", "Siti Aminah"),
        new("Persetujuan", "ya"),
        // The personal-data and admin forms: enough that a leaked handler would act on them.
        new("kind", nameof(RightsRequestKind.Access)),
        new("details", "uji otorisasi"),
        new("setuju", "true"),
        new("response", "uji otorisasi"),
        new("Name", "Instansi Uji Otorisasi"),
        new("NameEn", "Authorisation Test Agency"),
        new("ShortName", "UJI"),
        new("Email", "uji.otorisasi@palopo.test"),
        new("FullName", "Uji Otorisasi"),
        new("Role", "Admin"),
        new("Date", "2031-04-04"),
        new("Title", "Insiden palsu"),
    ];

    /// <summary>What a refused POST to the new citizen, officer and admin routes would change if it got through.</summary>
    private Task<string> StateAsync(string issuedReference, Guid rightsId, Guid officerId, Guid breachId) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        var revoked = await (from d in db.IssuedDocuments join r in db.ServiceRequests on d.RequestId equals r.Id
                             where r.ReferenceNumber == issuedReference select d.RevokedAtUtc).ToListAsync();
        var rights = await db.RightsRequests.Where(r => r.Id == rightsId).Select(r => r.Status).SingleAsync();
        var officer = await db.Users.Where(u => u.Id == officerId).Select(u => new { u.IsActive, u.AgencyId, u.SecurityStamp }).SingleAsync();
        var officerRoles = await db.UserRoles.CountAsync(r => r.UserId == officerId);
        var breach = await db.DataBreaches.Where(b => b.Id == breachId).Select(b => new { b.Version, b.AuthorityNotifiedAtUtc, b.SubjectsNotifiedAtUtc }).SingleAsync();
        var services = await db.Services.Select(s => new { s.Slug, s.IsActive, s.CurrentFormVersion, s.UpdatedAtUtc }).OrderBy(s => s.Slug).ToListAsync();
        var agencies = await db.Agencies.Select(g => g.Code + ":" + g.Name + ":" + g.IsActive).ToListAsync();
        return string.Join('\n',
            $"issued: {revoked.Count} revoked: {revoked.Count(r => r is not null)}",
            $"rights: {rights} of {await db.RightsRequests.CountAsync()}",
            $"officer: {officer} roles {officerRoles}; users {await db.Users.CountAsync()} active {await db.Users.CountAsync(u => u.IsActive)}",
            $"breach: {breach}; breaches {await db.DataBreaches.CountAsync()}; subjects {await db.BreachSubjects.CountAsync()}",
            $"holidays {await db.Holidays.CountAsync()}; form versions {await db.ServiceFormVersions.CountAsync()}",
            string.Join(';', services),
            string.Join(';', agencies.Order(StringComparer.Ordinal)));
    });
}

/// <summary>The app's own list of endpoints: "METHOD template" (template without its leading slash; "*" for any method).</summary>
public static class AppEndpoints
{
    public sealed record Endpoint(string Method, string Template)
    {
        public string Key => $"{Method} {Template}";
    }

    public static List<Endpoint> All(IServiceProvider services)
    {
        var list = new List<Endpoint>();
        foreach (var source in services.GetServices<EndpointDataSource>())
        {
            foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
            {
                var template = (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
                if (methods is null || methods.Count == 0)
                    list.Add(new("*", template));
                else
                    list.AddRange(methods.Select(m => new Endpoint(m, template)));
            }
        }

        return list.Distinct().ToList();
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class AuthorizationMatrixOnSqlite(SqlitePortalFixture portal, ITestOutputHelper output) : AuthorizationMatrixTests(portal, output);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class AuthorizationMatrixOnPostgreSql(PostgreSqlPortalFixture portal, ITestOutputHelper output) : AuthorizationMatrixTests(portal, output);

using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Calendar;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.PersonalData;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Documents;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Security;

/// <summary>
/// Every unsafe endpoint the app has (enumerated from its EndpointDataSource, so a new one cannot be
/// forgotten) refuses a post without an antiforgery token, with a forged one, and with another
/// person's valid token: 400, and nothing changes. Each is posted by a role allowed to use it, so the
/// refusal comes from the token check and not from authorisation. Route values name real resources (an
/// issued document, a rights request, a staff account, a holiday, a breach), so a post that got through would act.
/// </summary>
[Collection(SweepPortalCollection.Name)]
public sealed class CsrfTests(SweepPortalFixture portal, ITestOutputHelper output) : DocumentTestsBase(portal)
{
    private static readonly string[] Unsafe = ["POST", "PUT", "DELETE", "PATCH"];

    [Fact]
    public async Task Every_unsafe_endpoint_refuses_missing_forged_and_foreign_tokens()
    {
        var (citizen, _) = await SignedInCitizenAsync();
        var (otherCitizen, _) = await SignedInCitizenAsync();
        var reference = await SubmitValidAsync(citizen);
        var officer = await StaffAsync(Officer);
        var supervisor = await StaffAsync(Kepala);
        var admin = await StaffAsync("admin@palopo.test");
        var version = (await RequestAsync(reference)).Version;
        var issued = await SubmitValidAsync(citizen);
        Assert.Equal(RequestActionOutcome.Done, (await ApproveAsync(issued, Officer)).Outcome);
        Assert.Equal(RequestStatus.Issued, (await ApproveAsync(issued, Kepala)).Status);
        Guid rightsId;
        using (var filed = await citizen.SubmitFormAsync("/data-saya", new Dictionary<string, string?> { ["kind"] = nameof(RightsRequestKind.Access), ["details"] = "csrf" }, "/data-saya/hak"))
        {
            var location = Redirects.AssertRedirect(filed);
            rightsId = Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
        }

        var officerId = await UserIdAsync(Officer);
        var (agencyCode, holidayId, breachId) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var code = await (from s in db.Services join g in db.Agencies on s.AgencyId equals g.Id where s.Slug == Slug select g.Code).SingleAsync();
            var holiday = new Holiday(new DateOnly(2031, 5, 5), new LocalizedText("Libur uji CSRF", "CSRF test holiday"), HolidayKind.National);
            db.Holidays.Add(holiday);
            var now = DateTime.UtcNow;
            var breach = DataBreach.Record("Insiden uji CSRF", "Nama", "Uji", "Uji", now.AddHours(-3), now.AddHours(-2), "Admin", now);
            db.DataBreaches.Add(breach);
            await db.SaveChangesAsync();
            return (code, holiday.Id, breach.Id);
        });
        var values = new RouteValues(reference, issued, rightsId, agencyCode, officerId, holidayId, breachId);
        var foreignToken = await TokenAsync(otherCitizen);

        var endpoints = AppEndpoints.All(App.Services).Where(e => Unsafe.Contains(e.Method)).ToList();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} unsafe endpoints found");

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var client = endpoint.Template switch
            {
                var t when t.StartsWith("petugas/kepala", StringComparison.Ordinal) || t.EndsWith("/dokumen/cabut", StringComparison.Ordinal) => supervisor,
                var t when t.StartsWith("petugas", StringComparison.Ordinal) => officer,
                var t when t.StartsWith("admin", StringComparison.Ordinal) => admin,
                _ => citizen,
            };
            await client.GetPageAsync("/lacak"); // the antiforgery cookie is in the jar, as in a real attack from another site
            var url = "/" + Fill(endpoint.Template, values);
            var attempts = new (string Name, string? Token)[] { ("no token", null), ("forged token", "CfDJ8" + new string('x', 120)), ("another person's token", foreignToken) };
            foreach (var (name, token) in attempts)
            {
                var before = await CountsAsync();
                var fields = new List<KeyValuePair<string, string>>
                {
                    new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new("alasan", "csrf"), new("catatan", "csrf"), new("ReferenceNumber", reference), new("TrackingCode", "ABCD-EFGH"),
                    new("CurrentPassword", "x"), new("NewPassword", "csrf csrf csrf csrf"), new("ConfirmPassword", "csrf csrf csrf csrf"),
                    new("kind", nameof(RightsRequestKind.Access)), new("details", "csrf"), new("setuju", "true"), new("response", "csrf"), new("aksi", "Complete"),
                    new("Date", "2031-06-06"), new("Name", "Instansi CSRF"), new("Email", "csrf@palopo.test"), new("FullName", "Csrf"),
                };
                if (token is not null)
                    fields.Add(new("__RequestVerificationToken", token));
                using var content = new FormUrlEncodedContent(fields);
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url) { Content = content };
                request.Headers.Referrer = new Uri("https://penipu.example/halaman");
                using var response = await client.Http.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.BadRequest)
                    failures.Add($"{endpoint.Method} {url} with {name}: {(int)response.StatusCode} {response.Headers.Location}");
                if (await CountsAsync() != before)
                    failures.Add($"{endpoint.Method} {url} with {name}: something was stored");
            }
        }

        output.WriteLine($"{endpoints.Count} unsafe endpoints × 3 tokens, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(version, (await RequestAsync(reference)).Version);
        await AssertSignedInAsync(citizen, (await FindUserByRequestAsync(reference))!); // sign-out without a token did not sign out
    }

    private sealed record RouteValues(string Reference, string Issued, Guid Rights, string Agency, Guid Staff, Guid Holiday, Guid Breach);

    private static string Fill(string template, RouteValues v) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{(\*?)(\w+)(:[^}]*)?\}", m => (m.Groups[2].Value, template) switch
        {
            ("referenceNumber", var t) when t.EndsWith("/dokumen/cabut", StringComparison.Ordinal) => v.Issued,
            ("referenceNumber" or "reference", _) => v.Reference,
            ("slug", _) => Slug,
            ("id", var t) when t.StartsWith("admin/petugas", StringComparison.Ordinal) => v.Staff.ToString(),
            ("id", var t) when t.StartsWith("admin/hari-libur", StringComparison.Ordinal) => v.Holiday.ToString(),
            ("id", var t) when t.StartsWith("admin/insiden", StringComparison.Ordinal) => v.Breach.ToString(),
            ("id", var t) when t.StartsWith("admin/hak-data", StringComparison.Ordinal) => v.Rights.ToString(),
            ("documentId" or "id", _) => Guid.NewGuid().ToString(),
            ("code", var t) when t.StartsWith("admin/instansi", StringComparison.Ordinal) => v.Agency,
            ("code", _) => "500",
            _ => "x",
        });

    private static async Task<string> TokenAsync(PortalClient client)
    {
        var page = await client.GetPageAsync("/lacak");
        return page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private Task<string?> FindUserByRequestAsync(string reference) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        var applicant = await db.ServiceRequests.Where(r => r.ReferenceNumber == reference).Select(r => r.ApplicantUserId).SingleAsync();
        return await db.Users.Where(u => u.Id == applicant).Select(u => u.Email).SingleAsync();
    });

    private sealed record Counts(int Users, int Requests, int Events, int Notifications, string PersonalData, string Admin);

    private Task<Counts> CountsAsync() => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        var personalData = string.Join(' ',
            await db.RightsRequests.CountAsync(), await db.RightsRequests.CountAsync(r => r.Status != RightsRequestStatus.Received),
            await db.Users.CountAsync(u => u.PrivacyNoticeAcceptedAtUtc != null), await db.IssuedDocuments.CountAsync(d => d.RevokedAtUtc != null),
            await db.IssuedDocuments.CountAsync(), await db.DataBreaches.CountAsync(), await db.BreachSubjects.CountAsync(),
            await db.DataBreaches.CountAsync(b => b.AuthorityNotifiedAtUtc != null || b.SubjectsNotifiedAtUtc != null));
        var admin = string.Join(' ',
            await db.Agencies.CountAsync(), await db.Services.CountAsync(s => s.IsActive), await db.ServiceFormVersions.CountAsync(),
            (await db.Services.Select(s => s.UpdatedAtUtc).ToListAsync()).Max(), await db.Holidays.CountAsync(), await db.Users.CountAsync(u => u.IsActive),
            await db.UserRoles.CountAsync(), string.Join(',', await db.Users.Where(u => u.AgencyId != null).OrderBy(u => u.Email).Select(u => u.SecurityStamp).ToListAsync()));
        return new Counts(await db.Users.CountAsync(), await db.ServiceRequests.CountAsync(), await db.RequestEvents.CountAsync(),
            await db.Notifications.CountAsync(n => n.ReadAtUtc != null), personalData, admin);
    });
}

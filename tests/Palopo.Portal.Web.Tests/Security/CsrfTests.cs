using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Apply;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Security;

/// <summary>
/// Every unsafe endpoint the app has (enumerated from its EndpointDataSource, so a new one cannot be
/// forgotten) refuses a post without an antiforgery token, with a forged one, and with another
/// person's valid token: 400, and nothing changes. Each is posted by a role allowed to use it, so the
/// refusal comes from the token check and not from authorisation.
/// </summary>
[Collection(SweepPortalCollection.Name)]
public sealed class CsrfTests(SweepPortalFixture portal) : ApplyTestsBase(portal)
{
    private static readonly string[] Unsafe = ["POST", "PUT", "DELETE", "PATCH"];

    [Fact]
    public async Task Every_unsafe_endpoint_refuses_missing_forged_and_foreign_tokens()
    {
        var (citizen, _) = await SignedInCitizenAsync();
        var (otherCitizen, _) = await SignedInCitizenAsync();
        var reference = await SubmitValidAsync(citizen);
        var officer = await StaffAsync("petugas.disdukcapil@palopo.test");
        var supervisor = await StaffAsync("kepala.disdukcapil@palopo.test");
        var admin = await StaffAsync("admin@palopo.test");
        var version = (await RequestAsync(reference)).Version;
        var foreignToken = await TokenAsync(otherCitizen);

        var endpoints = AppEndpoints.All(App.Services).Where(e => Unsafe.Contains(e.Method)).ToList();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} unsafe endpoints found");

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var client = endpoint.Template switch
            {
                var t when t.StartsWith("petugas/kepala", StringComparison.Ordinal) => supervisor,
                var t when t.StartsWith("petugas", StringComparison.Ordinal) => officer,
                var t when t.StartsWith("admin", StringComparison.Ordinal) => admin,
                _ => citizen,
            };
            await client.GetPageAsync("/lacak"); // the antiforgery cookie is in the jar, as in a real attack from another site
            var url = "/" + Fill(endpoint.Template, reference);
            var attempts = new (string Name, string? Token)[] { ("no token", null), ("forged token", "CfDJ8" + new string('x', 120)), ("another person's token", foreignToken) };
            foreach (var (name, token) in attempts)
            {
                var before = await CountsAsync();
                var fields = new List<KeyValuePair<string, string>>
                {
                    new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new("alasan", "csrf"), new("catatan", "csrf"), new("ReferenceNumber", reference), new("TrackingCode", "ABCD-EFGH"),
                    new("CurrentPassword", "x"), new("NewPassword", "csrf csrf csrf csrf"), new("ConfirmPassword", "csrf csrf csrf csrf"),
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

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(version, (await RequestAsync(reference)).Version);
        await AssertSignedInAsync(citizen, (await FindUserByRequestAsync(reference))!); // sign-out without a token did not sign out
    }

    private static string Fill(string template, string reference) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{(\*?)(\w+)(:[^}]*)?\}", m => m.Groups[2].Value switch
        {
            "referenceNumber" or "reference" => reference,
            "slug" => Slug,
            "documentId" or "id" => Guid.NewGuid().ToString(),
            "code" => "500",
            _ => "x",
        });

    private static async Task<string> TokenAsync(PortalClient client)
    {
        var page = await client.GetPageAsync("/lacak");
        return page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private async Task<PortalClient> StaffAsync(string email)
    {
        var client = NewClient();
        await SignInWithAuthenticatorAsync(client, email, Citizen.DemoPassword, Citizen.DemoStaffAuthenticatorKey);
        return client;
    }

    private Task<string?> FindUserByRequestAsync(string reference) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        var applicant = await db.ServiceRequests.Where(r => r.ReferenceNumber == reference).Select(r => r.ApplicantUserId).SingleAsync();
        return await db.Users.Where(u => u.Id == applicant).Select(u => u.Email).SingleAsync();
    });

    private sealed record Counts(int Users, int Requests, int Events, int Notifications);

    private Task<Counts> CountsAsync() => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        return new Counts(await db.Users.CountAsync(), await db.ServiceRequests.CountAsync(), await db.RequestEvents.CountAsync(),
            await db.Notifications.CountAsync(n => n.ReadAtUtc != null));
    });
}

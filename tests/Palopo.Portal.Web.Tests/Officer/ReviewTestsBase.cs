using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Apply;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Officer;

/// <summary>
/// What the review tests share: a citizen's akta kelahiran (two steps: verifikasi by an officer,
/// persetujuan by the kepala) submitted through the real form, signed-in Disdukcapil and DPMPTSP
/// staff, and posting the decision forms of the review page.
/// </summary>
public abstract class ReviewTestsBase(PortalFixture portal) : ApplyTestsBase(portal)
{
    public const string Officer = "petugas.disdukcapil@palopo.test";
    public const string OfficerName = "Rahmat Hidayat";
    public const string Kepala = "kepala.disdukcapil@palopo.test";
    public const string OtherAgencyOfficer = "petugas.dpmptsp@palopo.test";

    protected static string ReviewUrl(string reference) => $"/petugas/permohonan/{reference}";

    protected async Task<PortalClient> StaffAsync(string email)
    {
        var client = NewClient();
        await SignInWithAuthenticatorAsync(client, email, Citizen.DemoPassword, Citizen.DemoStaffAuthenticatorKey);
        return client;
    }

    /// <summary>A citizen who has submitted the birth-certificate form: their client, themselves, the reference.</summary>
    protected async Task<(PortalClient Client, Citizen Citizen, string Reference)> SubmittedAktaAsync()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        return (client, citizen, await SubmitValidAsync(client));
    }

    /// <summary>
    /// Submits the decision form of <paramref name="page"/> posting to …/<paramref name="action"/>: its
    /// fields with <paramref name="fields"/> laid over them. A name may repeat (ticked checkboxes share
    /// "tandai"): "tandai#2" adds a second "tandai" instead of replacing the first.
    /// </summary>
    protected static Task<HttpResponseMessage> DecideAsync(PortalClient client, HtmlPage page, string reference, string action, IReadOnlyDictionary<string, string?>? fields = null)
    {
        var url = $"{ReviewUrl(reference)}/{action}";
        var values = FormFields.Of(page.Form(url));
        foreach (var (key, value) in fields ?? new Dictionary<string, string?>())
        {
            var name = key.Split('#')[0];
            if (name == key)
                values.RemoveAll(f => f.Key == name);
            if (value is not null)
                values.Add(new(name, value));
        }

        return client.PostAsync(url, values);
    }

    /// <summary>
    /// Posts to a decision URL whose form the page does not offer (a forged or stale post), with the
    /// client's own valid antiforgery token (the page's, or, on a page without a token-bearing form,
    /// the tracking page's) and the given version.
    /// </summary>
    protected static async Task<HttpResponseMessage> PostRawAsync(PortalClient client, HtmlPage tokenSource, string url, int version, params (string Name, string Value)[] fields)
    {
        const string Token = "input[name=__RequestVerificationToken]";
        if (tokenSource.Document.QuerySelector(Token) is null)
            tokenSource = await client.GetPageAsync("/lacak");
        var token = tokenSource.Document.QuerySelector(Token)?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {tokenSource.Path}.");
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token!), new("Version", version.ToString(CultureInfo.InvariantCulture)) };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(url, values);
    }

    /// <summary>Follows a successful decision back to the review page and asserts its status message.</summary>
    protected async Task<HtmlPage> AssertDoneAsync(PortalClient client, HttpResponseMessage response, string reference, string messageKey)
    {
        var page = await client.FollowAsync(response, ReviewUrl(reference));
        Assert.Equal(T.Id(messageKey), page.Notice);
        return page;
    }

    protected Task<ServiceRequest> LoadAsync(string reference) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.AsNoTracking()
            .Include(r => r.Documents).Include(r => r.Corrections).Include(r => r.Events)
            .SingleAsync(r => r.ReferenceNumber == reference));

    protected Task<List<AuditEntry>> AuditAsync(string reference) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Reference == reference).OrderBy(a => a.AtUtc).ToListAsync());

    protected static string StatusText(HtmlPage page) => page.Text("#review-status");

    protected static async Task<HtmlPage> ReadAsync(HttpResponseMessage response, HttpStatusCode status) =>
        await PortalClient.ReadPageAsync(response, status);
}

using System.Net;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Requests;

/// <summary>/lacak: anyone with a reference number and its tracking code sees the status, and nothing personal.</summary>
public abstract class TrackingTests(PortalFixture portal) : RequestTestsBase(portal)
{
    private const string TrackUrl = "/lacak";

    [PortalFact]
    public async Task Right_code_shows_status_and_history_without_names_NIK_or_answers()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        var code = (await LoadRequestAsync(reference)).TrackingCode!;
        // Typed the way people type from paper: lower case, spaces and a dash.
        var typedCode = $" {code[..4].ToLowerInvariant()}-{code[4..]} ";
        var visitor = NewClient();

        var page = await PostTrackAsync(visitor, reference.ToLowerInvariant(), typedCode);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var result = page.Text("#track-result");
        Assert.Contains(reference, result, StringComparison.Ordinal);
        Assert.Contains("Surat Keterangan Domisili", result, StringComparison.Ordinal);
        Assert.Contains("Dinas Kependudukan dan Pencatatan Sipil", result, StringComparison.Ordinal);
        Assert.Equal(T.Id("Requests.Status.Submitted"), page.Text("#track-status .badge"));
        Assert.Contains(T.Id("Requests.Status.Submitted"), page.Text("#track-history"), StringComparison.Ordinal);
        foreach (var secret in new[] { citizen.FullName, citizen.Nik, citizen.MaskedNik, citizen.Email, Address, "002/005", code })
            Assert.DoesNotContain(secret, page.Html, StringComparison.Ordinal);
        Assert.False(page.Has("#track-not-found"));
    }

    [PortalFact]
    public async Task Wrong_code_and_unknown_number_get_the_same_answer()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        var visitor = NewClient();

        var wrongCode = await PostTrackAsync(visitor, reference, "ABCD2345");
        var unknownNumber = await PostTrackAsync(visitor, "PLP-2099-999999", "ABCD2345");

        foreach (var page in new[] { wrongCode, unknownNumber })
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(T.Id("Track.NotFound"), page.Text("#track-not-found"), StringComparison.Ordinal);
            Assert.False(page.Has("#track-result"));
            Assert.Equal("ABCD2345", page.FieldValue("TrackingCode"));
        }

        Assert.Equal(wrongCode.Text("#track-not-found"), unknownNumber.Text("#track-not-found"));
        Assert.Equal(reference, wrongCode.FieldValue("ReferenceNumber"));
        Assert.Equal("PLP-2099-999999", unknownNumber.FieldValue("ReferenceNumber"));
    }

    [PortalFact]
    public async Task Tracking_form_posts_the_code_and_asks_for_both_fields()
    {
        var visitor = NewClient();
        var form = await visitor.GetPageAsync(TrackUrl);
        Assert.Equal("post", form.Form(TrackUrl).Method, ignoreCase: true);

        var page = await PostTrackAsync(visitor, "", "");

        Assert.Equal(T.Id("Track.ReferenceRequired"), page.FieldError("ReferenceNumber"));
        Assert.Equal(T.Id("Track.CodeRequired"), page.FieldError("TrackingCode"));
        Assert.False(page.Has("#track-not-found"));
    }

    private static async Task<HtmlPage> PostTrackAsync(PortalClient visitor, string reference, string code)
    {
        var form = await visitor.GetPageAsync(TrackUrl);
        using var response = await visitor.SubmitAsync(form, TrackUrl, new Dictionary<string, string?>
        {
            ["ReferenceNumber"] = reference,
            ["TrackingCode"] = code,
        });
        return await HtmlPage.ReadAsync(response);
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class TrackingOnSqlite(SqlitePortalFixture portal) : TrackingTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class TrackingOnPostgreSql(PostgreSqlPortalFixture portal) : TrackingTests(portal);

using System.Globalization;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Apply;

/// <summary>"Simpan draf": a half-filled form with a document is kept, resumed later, and submitted from where it was left.</summary>
public abstract class DraftTests(PortalFixture portal) : ApplyTestsBase(portal)
{
    private static readonly string BirthDate = Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [PortalFact]
    public async Task Draft_is_saved_resumed_after_signing_in_again_and_submitted_with_its_earlier_upload()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var numberBefore = await LastReferenceNumberAsync();
        var form = await OpenFormAsync(client);
        var key = form.Form(ApplyUrl).QuerySelector("input[name=IdempotencyKey]")!.GetAttribute("value");

        // Save a draft: a few answers and the birth notice.
        using var save = await PostFormAsync(client, form, new Dictionary<string, string?>
        {
            [Answer("nama_anak")] = "Andi Fathir",
            [Answer("jenis_kelamin_anak")] = "P",
            [Answer("tanggal_lahir_anak")] = BirthDate,
            [Answer("nik_ibu")] = "7373 0145 0595 0003", // typed with spaces: kept as 16 digits
            ["aksi"] = "simpan",
        }, [FileUpload.Pdf("doc_" + BirthNotice, "surat-lahir-rs.pdf")]);

        var saved = await PortalClient.ReadPageAsync(save);
        Assert.Equal(T.Id("Apply.DraftSaved"), saved.Text(".notice--success"));
        Assert.False(saved.Has(".error-summary"), string.Join("; ", saved.ErrorSummary));
        AssertDraftShown(saved, citizen);

        var draft = Assert.Single(await RequestsOfAsync(citizen.Email));
        Assert.Equal(RequestStatus.Draft, draft.Status);
        Assert.Null(draft.ReferenceNumber);
        Assert.Null(draft.TrackingCode);
        Assert.Equal(key, draft.IdempotencyKey.ToString());
        var birthNotice = Assert.Single(draft.CurrentDocuments);
        Assert.Equal(BirthNotice, birthNotice.RequirementKey);
        Assert.True(File.Exists(StoredPath(birthNotice.StoredName)));
        Assert.Equal(numberBefore, await LastReferenceNumberAsync()); // a draft takes no reference number

        // Leave, sign out, come back another day on another device: the draft is resumed.
        await SignOutAsync(client);
        var later = NewClient();
        await SignInAsync(later, citizen.Email, citizen.Password);
        var resumed = await OpenFormAsync(later);
        Assert.Equal(T.Id("Apply.DraftResumed"), resumed.Text("main .notice[role=status]"));
        AssertDraftShown(resumed, citizen);
        Assert.Equal(key, resumed.Form(ApplyUrl).QuerySelector("input[name=IdempotencyKey]")?.GetAttribute("value"));

        // Finish it: the remaining answers and only the family card; the birth notice saved earlier counts.
        var rest = ValidAnswers();
        rest.Remove(Answer("nama_anak"));
        rest.Remove(Answer("jenis_kelamin_anak"));
        rest.Remove(Answer("tanggal_lahir_anak"));
        rest.Remove(Answer("nik_ibu"));
        using var submit = await PostFormAsync(later, resumed, rest, [FileUpload.Png("doc_" + FamilyCard, "kk.png")]);

        var reference = ReferenceFrom(submit);
        var request = await RequestAsync(reference);
        Assert.Equal(draft.Id, request.Id);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal("Andi Fathir", request.Answers["nama_anak"]);
        Assert.Equal("P", request.Answers["jenis_kelamin_anak"]);
        Assert.Equal(BirthDate, request.Answers["tanggal_lahir_anak"]);
        Assert.Equal(MotherNik, request.Answers["nik_ibu"]);
        Assert.Equal("RSUD Sawerigading Palopo", request.Answers["tempat_lahir_anak"]);
        Assert.Equal(
            [(BirthNotice, "surat-lahir-rs.pdf", birthNotice.StoredName), (FamilyCard, "kk.png", request.CurrentDocuments.Single(d => d.RequirementKey == FamilyCard).StoredName)],
            request.CurrentDocuments.OrderByDescending(d => d.RequirementKey, StringComparer.Ordinal).Select(d => (d.RequirementKey, d.FileName, d.StoredName)));
        Assert.Single(await RequestsOfAsync(citizen.Email));
        Assert.Equal(numberBefore + 1, await LastReferenceNumberAsync());

        // Nothing left to resume.
        var afterwards = await OpenFormAsync(later);
        Assert.False(afterwards.Has("main .notice[role=status]"), afterwards.MainText);
        Assert.Null(afterwards.FieldValue(Answer("nama_anak")));
    }

    [PortalFact]
    public async Task Uploading_again_to_a_draft_replaces_the_document_and_keeps_the_answers()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var form = await OpenFormAsync(client);
        using (var first = await PostFormAsync(client, form, new Dictionary<string, string?> { [Answer("nama_anak")] = "Nur Aisyah", ["aksi"] = "simpan" },
                   [FileUpload.Pdf("doc_" + BirthNotice, "lama.pdf")]))
        {
            await PortalClient.ReadPageAsync(first);
        }

        var resumed = await OpenFormAsync(client);
        using var second = await PostFormAsync(client, resumed, new Dictionary<string, string?> { ["aksi"] = "simpan" },
            [FileUpload.Png("doc_" + BirthNotice, "baru.png")]);

        var page = await PortalClient.ReadPageAsync(second);
        Assert.Equal("Nur Aisyah", page.FieldValue(Answer("nama_anak")));
        Assert.Contains("baru.png", page.Text("#attached_" + BirthNotice), StringComparison.Ordinal);
        Assert.DoesNotContain("lama.pdf", page.MainText, StringComparison.Ordinal);
        var draft = Assert.Single(await RequestsOfAsync(citizen.Email));
        Assert.Equal("baru.png", Assert.Single(draft.CurrentDocuments).FileName);
        Assert.Equal(2, draft.Documents.Count); // the replaced one is kept for the record
    }

    private void AssertDraftShown(HtmlPage page, Citizen citizen)
    {
        Assert.Equal("Andi Fathir", page.FieldValue(Answer("nama_anak")));
        Assert.Equal("P", CheckedValue(page, Answer("jenis_kelamin_anak")));
        Assert.Equal(BirthDate, page.FieldValue(Answer("tanggal_lahir_anak")));
        Assert.Equal(MotherNik, page.FieldValue(Answer("nik_ibu")));
        Assert.Equal(citizen.Nik, page.FieldValue(Answer("nik_pelapor")));
        Assert.Null(page.FieldValue(Answer("nama_ibu")));
        Assert.Equal(T.Id("Apply.Attached", "surat-lahir-rs.pdf", 1), page.Text("#attached_" + BirthNotice));
        Assert.False(page.Has("#attached_" + FamilyCard));
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class DraftOnSqlite(SqlitePortalFixture portal) : DraftTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class DraftOnPostgreSql(PostgreSqlPortalFixture portal) : DraftTests(portal);

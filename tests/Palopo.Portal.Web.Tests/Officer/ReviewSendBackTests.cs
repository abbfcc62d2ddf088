using System.Net;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Officer;

/// <summary>
/// Sending back from the review page: tick fields and documents with a reason each; the citizen
/// corrects only those on their correction page; the officer sees exactly what changed, then approves.
/// </summary>
public abstract class ReviewSendBackTests(PortalFixture portal) : ReviewTestsBase(portal)
{
    private const string NameReason = "Nama anak tidak sama dengan surat keterangan lahir.";
    private const string BirthNoticeReason = "Surat keterangan lahir tidak bercap rumah sakit.";
    private const string NewName = "Muhammad Fathir Ramadhan Putra";

    [PortalFact]
    public async Task Send_back_one_field_and_one_document_citizen_fixes_them_officer_sees_the_diff_and_approves()
    {
        var (citizenClient, citizen, reference) = await SubmittedAktaAsync();
        var officer = await StaffAsync(Officer);
        var page = await officer.GetPageAsync(ReviewUrl(reference));

        // Every field and every document is offered, grouped by section.
        var offered = page.Document.QuerySelectorAll("#send-back input[name=tandai]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("f_nama_anak", offered);
        Assert.Contains("f_nik_saksi2", offered);
        Assert.Contains("d_" + BirthNotice, offered);
        Assert.Contains("d_" + MarriageBook, offered);
        Assert.Equal(["Data anak", "Data ibu", "Data ayah", "Pelapor", "Saksi", T.Id("Requests.Details.DocumentsTitle")],
            page.Document.QuerySelectorAll("#send-back legend").Select(l => l.TextContent.Trim()).Take(6).ToList());

        var sent = await AssertDoneAsync(officer, await DecideAsync(officer, page, reference, "kembalikan", new Dictionary<string, string?>
        {
            ["tandai"] = "f_nama_anak",
            ["alasan[f_nama_anak]"] = NameReason,
            ["alasan[f_anak_ke]"] = "diabaikan karena tidak dicentang",
        }.Concat2("tandai", "d_" + BirthNotice).With("alasan[d_" + BirthNotice + "]", BirthNoticeReason)), reference, "Officer.Review.SentBack");
        Assert.Equal(T.Id("Requests.Status.NeedsCorrection"), StatusText(sent));
        Assert.True(sent.Has("#clock-paused"));
        var request = await LoadAsync(reference);
        Assert.Equal(
            [(CorrectionTarget.Field, "nama_anak", NameReason), (CorrectionTarget.Document, BirthNotice, BirthNoticeReason)],
            request.Corrections.OrderBy(c => c.Target).Select(c => (c.Target, c.TargetKey, c.Reason)).ToList());
        Assert.Single(await AuditAsync(reference), a => a.Action == AuditAction.RequestSentBack);

        // The citizen corrects exactly those two on their correction page.
        var form = await citizenClient.GetPageAsync($"/permohonan/{reference}/perbaiki");
        using (var response = await citizenClient.SubmitMultipartAsync(form, $"/permohonan/{reference}/perbaiki",
                   new Dictionary<string, string?> { ["Answers[nama_anak]"] = NewName },
                   [FileUpload.Pdf("doc_" + BirthNotice, "surat-lahir-bercap.pdf")]))
        {
            Redirects.AssertRedirect(response, $"/permohonan/{reference}");
        }

        // The officer sees the diff: the field's old and new value, the document's old and new file.
        page = await officer.GetPageAsync(ReviewUrl(reference));
        Assert.Equal(T.Id("Requests.Status.Resubmitted"), StatusText(page));
        var rows = page.Document.QuerySelectorAll("#diff tbody tr").ToList();
        Assert.Equal(["nama_anak", BirthNotice], rows.Select(r => r.GetAttribute("data-key")).ToList());
        Assert.Equal("Muhammad Fathir Ramadhan", rows[0].QuerySelector(".diff-before")!.TextContent.Trim());
        Assert.Equal(NewName, rows[0].QuerySelector(".diff-after")!.TextContent.Trim());
        Assert.Contains(NameReason, rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("surat-keterangan-lahir.pdf", rows[1].QuerySelector(".diff-before")!.TextContent.Trim());
        Assert.Equal("surat-lahir-bercap.pdf", rows[1].QuerySelector(".diff-after")!.TextContent.Trim());
        Assert.Matches($"^/petugas/permohonan/{reference}/berkas/", rows[1].QuerySelector(".diff-before a")!.GetAttribute("href"));
        Assert.Contains(NewName, page.Text("#answers"), StringComparison.Ordinal);
        Assert.Contains(citizen.FullName, page.Text("#timeline"), StringComparison.Ordinal);

        // And approves the verification step.
        page = await AssertDoneAsync(officer, await DecideAsync(officer, page, reference, "setujui"), reference, "Officer.Review.ApprovedStep");
        Assert.Contains("Persetujuan kepala", page.Text("#review-step"), StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task Send_back_with_nothing_ticked_or_a_ticked_item_without_reason_is_refused_keeping_the_input()
    {
        var (_, _, reference) = await SubmittedAktaAsync();
        var officer = await StaffAsync(Officer);
        var page = await officer.GetPageAsync(ReviewUrl(reference));
        var before = await LoadAsync(reference);

        var nothing = await ReadAsync(await DecideAsync(officer, page, reference, "kembalikan"), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(T.Id("Officer.Review.Error.NothingMarked"), nothing.ErrorSummary);
        Assert.True(nothing.Has("#send-back-block[open]"));

        var missing = await ReadAsync(await DecideAsync(officer, page, reference, "kembalikan", new Dictionary<string, string?>
        {
            ["tandai"] = "f_nama_anak",
            ["alasan[f_nama_anak]"] = "",
        }.Concat2("tandai", "d_" + BirthNotice).With("alasan[d_" + BirthNotice + "]", BirthNoticeReason)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("Officer.Review.Error.ReasonRequired"), missing.FieldError("alasan_f_nama_anak"));
        Assert.Equal([$"Nama lengkap anak: {T.Id("Officer.Review.Error.ReasonRequired")}"], missing.ErrorSummary);
        var ticked = missing.Document.QuerySelectorAll("#send-back input[name=tandai][checked]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["f_nama_anak", "d_" + BirthNotice], ticked);
        Assert.Equal(BirthNoticeReason, missing.Document.QuerySelector($"#alasan_d_{BirthNotice}")!.GetAttribute("value"));

        var after = await LoadAsync(reference);
        Assert.Equal((before.Version, RequestStatus.Submitted, 0), (after.Version, after.Status, after.Corrections.Count));
        Assert.DoesNotContain(await AuditAsync(reference), a => a.Action == AuditAction.RequestSentBack);
    }
}

/// <summary>Form fields with repeated names (several ticked checkboxes share "tandai").</summary>
internal static class RepeatedFields
{
    public static Dictionary<string, string?> Concat2(this Dictionary<string, string?> fields, string name, string value)
    {
        // "name#2" is posted as a second "name" (see ReviewTestsBase.DecideAsync).
        fields[name + "#2"] = value;
        return fields;
    }

    public static Dictionary<string, string?> With(this Dictionary<string, string?> fields, string name, string value)
    {
        fields[name] = value;
        return fields;
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class ReviewSendBackOnSqlite(SqlitePortalFixture portal) : ReviewSendBackTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class ReviewSendBackOnPostgreSql(PostgreSqlPortalFixture portal) : ReviewSendBackTests(portal);

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Requests;

/// <summary>
/// The correction loop, citizen side: an officer (through the Application layer, until the officer
/// screens exist) flags a field and a document; the citizen sees exactly those, changes only those,
/// and resubmits; the legal clock pauses and resumes.
/// </summary>
public abstract class CorrectionLoopTests(PortalFixture portal) : RequestTestsBase(portal)
{
    private const string AddressReason = "Alamat belum lengkap: sebutkan nomor rumah dan nama jalan sesuai KTP.";
    private const string KtpReason = "Foto KTP buram, NIK tidak terbaca.";
    private const string NewAddress = "Jl. Ratulangi No. 7, Lorong Mawar";

    [PortalFact]
    public async Task Citizen_sees_exactly_the_flagged_items_corrects_only_those_and_resubmits()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);

        var sentBack = await SendBackAsync(reference, Officer,
            new CorrectionRequestItem(CorrectionTarget.Field, "alamat_domisili", AddressReason),
            new CorrectionRequestItem(CorrectionTarget.Document, "ktp", KtpReason));
        Assert.Equal(RequestActionOutcome.Done, sentBack.Outcome);

        // The request page: status, paused clock, and exactly the two flagged items with their reasons.
        var details = await client.GetPageAsync($"/permohonan/{reference}");
        Assert.Equal(T.Id("Requests.Status.NeedsCorrection"), details.Text("#status .badge"));
        Assert.Contains(T.Id("Requests.Clock.Paused"), details.Text("#legal-clock"), StringComparison.Ordinal);
        var flagged = details.Document.QuerySelectorAll("#correction .flagged-list li").Select(li => li.GetAttribute("data-key")).ToList();
        Assert.Equal(["alamat_domisili", "ktp"], flagged);
        var box = details.Text("#correction");
        Assert.Contains(AddressReason, box, StringComparison.Ordinal);
        Assert.Contains(KtpReason, box, StringComparison.Ordinal);
        Assert.Contains($"oleh petugas {OfficerName}", details.Text("#timeline"), StringComparison.Ordinal);
        Assert.Contains(T.Id("Notifications.Kind.SentBack", reference), await NotificationTextAsync(client), StringComparison.Ordinal);

        // The correction form: only the flagged field is editable (prefilled) and only the flagged document uploadable.
        var form = await client.GetPageAsync(details.Document.QuerySelector("#correct-now")!.GetAttribute("href")!);
        var editable = form.Document.QuerySelectorAll("form[action$='/perbaiki'] [name^='Answers[']").Select(e => e.GetAttribute("name")).ToList();
        Assert.Equal(["Answers[alamat_domisili]"], editable);
        Assert.Equal(Address, form.FieldValue("Answers[alamat_domisili]"));
        var fileInputs = form.Document.QuerySelectorAll("input[type=file]").Select(e => e.GetAttribute("name")).ToList();
        Assert.Equal(["doc_ktp"], fileInputs);
        Assert.Contains(AddressReason, form.Text("#reason_alamat_domisili"), StringComparison.Ordinal);
        Assert.Contains(KtpReason, form.Text("#reason_ktp"), StringComparison.Ordinal);
        Assert.Contains("002/005", form.Text("#unchanged"), StringComparison.Ordinal); // shown, read-only

        // Resubmit: the new address and KTP, plus forged changes to fields and a document nobody flagged.
        using var response = await client.SubmitMultipartAsync(form, $"/permohonan/{reference}/perbaiki", new Dictionary<string, string?>
        {
            ["Answers[alamat_domisili]"] = NewAddress,
            ["Answers[rt_rw]"] = "999/999",
            ["Answers[keperluan]"] = "pekerjaan",
            ["Answers[nik_pemohon]"] = "7373010101900009",
        }, [FileUpload.Pdf("doc_ktp", "ktp-jelas.pdf"), FileUpload.Pdf("doc_surat_pengantar_rt", "palsu.pdf")]);
        var after = await client.FollowAsync(response, $"/permohonan/{reference}");

        Assert.Equal(T.Id("Requests.Correct.Sent"), after.Notice);
        Assert.Equal(T.Id("Requests.Status.Resubmitted"), after.Text("#status .badge"));
        Assert.False(after.Has("#correction"));
        var timeline = after.Document.QuerySelectorAll("#timeline .timeline-what").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(
            [
                T.Id("Requests.Event.Created"), T.Id("Requests.Event.To.Submitted"), T.Id("Requests.Event.To.NeedsCorrection"),
                T.Id("Requests.Event.ClockPaused"), T.Id("Requests.Event.ClockResumed"), T.Id("Requests.Event.To.Resubmitted"),
            ],
            timeline);
        var answers = after.Text("#answers");
        Assert.Contains(NewAddress, answers, StringComparison.Ordinal);
        Assert.Contains("002/005", answers, StringComparison.Ordinal);
        Assert.Contains("Urusan bank", answers, StringComparison.Ordinal);
        var documents = after.Document.QuerySelectorAll("#documents a").Select(a => a.TextContent.Trim()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ktp-jelas.pdf", "pengantar-rt.png"], documents);

        var request = await LoadRequestAsync(reference);
        Assert.Equal(RequestStatus.Resubmitted, request.Status);
        Assert.Equal(NewAddress, request.Answers["alamat_domisili"]);
        Assert.Equal("002/005", request.Answers["rt_rw"]);
        Assert.Equal("bank", request.Answers["keperluan"]);
        Assert.Equal(citizen.Nik, request.Answers["nik_pemohon"]);
        Assert.Single(request.Documents, d => d.RequirementKey == "surat_pengantar_rt");
        Assert.Equal(2, request.Documents.Count(d => d.RequirementKey == "ktp"));
        Assert.Null(request.ClockPausedOn);
        Assert.All(request.Corrections, c => Assert.NotNull(c.ResolvedAtUtc));
        Assert.Equal(NewAddress, request.Corrections.Single(c => c.TargetKey == "alamat_domisili").NewValue);
        Assert.Contains(T.Id("Notifications.Kind.Resubmitted", reference), await NotificationTextAsync(client), StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task Bad_correction_is_shown_again_with_messages_and_nothing_is_saved()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        await SendBackAsync(reference, Officer,
            new CorrectionRequestItem(CorrectionTarget.Field, "tinggal_sejak", "Tanggal tidak sesuai surat pengantar RT."),
            new CorrectionRequestItem(CorrectionTarget.Document, "ktp", KtpReason));
        var before = await LoadRequestAsync(reference);
        var form = await client.GetPageAsync($"/permohonan/{reference}/perbaiki");
        var future = Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // A date in the future, and a "PDF" that is really something else; the KTP must be replaced.
        using var response = await client.SubmitMultipartAsync(form, $"/permohonan/{reference}/perbaiki",
            new Dictionary<string, string?> { ["Answers[tinggal_sejak]"] = future },
            [new FileUpload("doc_ktp", "ktp.pdf", "MZ\u0090\0 not a pdf"u8.ToArray(), "application/pdf")]);
        var page = await PortalClient.ReadPageAsync(response, HttpStatusCode.UnprocessableEntity);

        Assert.Equal(T.Id("Apply.Error.DateInFuture"), page.FieldError("f_tinggal_sejak"));
        Assert.Equal(T.Id("Apply.Error.FileTypeNotAllowed", "PDF, JPEG, PNG"), page.FieldError("doc_ktp"));
        Assert.Equal(future, page.FieldValue("Answers[tinggal_sejak]"));
        Assert.Equal(2, page.ErrorSummary.Count);

        // A flagged field emptied stays empty on screen (not silently refilled); no new file for a flagged document is refused.
        using var noFile = await client.SubmitMultipartAsync(form, $"/permohonan/{reference}/perbaiki",
            new Dictionary<string, string?> { ["Answers[tinggal_sejak]"] = "" }, []);
        var second = await PortalClient.ReadPageAsync(noFile, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("Apply.Error.DocumentReplaceRequired"), second.FieldError("doc_ktp"));
        Assert.Equal(T.Id("Apply.Error.Required"), second.FieldError("f_tinggal_sejak"));
        Assert.Equal("", second.FieldValue("Answers[tinggal_sejak]"));

        var after = await LoadRequestAsync(reference);
        Assert.Equal(RequestStatus.NeedsCorrection, after.Status);
        Assert.Equal(before.Answers["tinggal_sejak"], after.Answers["tinggal_sejak"]);
        Assert.Equal(before.Documents.Count, after.Documents.Count);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Events.Count, after.Events.Count);
    }

    [PortalFact]
    public async Task Correction_page_without_an_open_correction_sends_the_citizen_back()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);

        using var response = await client.GetAsync($"/permohonan/{reference}/perbaiki");
        var page = await client.FollowAsync(response, $"/permohonan/{reference}");

        Assert.Equal(T.Id("Requests.Correct.NotNeeded"), page.Text("#request-notice"));
        Assert.False(page.Has("#correction"));
    }

    [PortalFact]
    public async Task Send_back_checks_the_keys_the_officer_and_the_lifecycle()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        var item = new CorrectionRequestItem(CorrectionTarget.Field, "alamat_domisili", AddressReason);

        var unknown = await SendBackAsync(reference, Officer, new CorrectionRequestItem(CorrectionTarget.Field, "nama_ibu", "Tidak ada di formulir ini."));
        Assert.Equal(RequestActionOutcome.Invalid, unknown.Outcome);
        Assert.Equal("UnknownItem", unknown.Errors!["nama_ibu"].Code);
        var documentAsField = await SendBackAsync(reference, Officer, new CorrectionRequestItem(CorrectionTarget.Field, "ktp", "Salah sasaran."));
        Assert.Equal(RequestActionOutcome.Invalid, documentAsField.Outcome);
        var noReason = await SendBackAsync(reference, Officer, new CorrectionRequestItem(CorrectionTarget.Field, "alamat_domisili", "  "));
        Assert.Equal("ReasonRequired", noReason.Errors!["alamat_domisili"].Code);
        Assert.Equal(RequestActionOutcome.Invalid, (await SendBackAsync(reference, Officer)).Outcome);
        Assert.Equal(RequestActionOutcome.Forbidden, (await SendBackAsync(reference, OtherAgencyOfficer, item)).Outcome);
        Assert.Equal(RequestActionOutcome.Forbidden, (await SendBackAsync(reference, "warga@palopo.test", item)).Outcome);
        Assert.Equal(RequestStatus.Submitted, (await LoadRequestAsync(reference)).Status);

        Assert.Equal(RequestActionOutcome.Done, (await SendBackAsync(reference, Officer, item)).Outcome);
        // Already waiting on the citizen: a second send-back is not a valid transition.
        var again = await SendBackAsync(reference, Officer, item);
        Assert.Equal(RequestActionOutcome.NotAllowed, again.Outcome);
        Assert.Equal(RequestStatus.NeedsCorrection, again.Status);
    }

    [PortalFact]
    public async Task Two_officers_sending_back_at_once_one_wins_the_other_is_told()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        var request = await LoadRequestAsync(reference);
        var officer = await UserIdAsync(Officer);
        var supervisor = await UserIdAsync("kepala.disdukcapil@palopo.test");

        // A screen that showed an older version is refused before anything happens.
        var stale = await InScopeAsync(sp => sp.GetRequiredService<SendBackRequest>().HandleAsync(
            new SendBackCommand(request.Id, [new(CorrectionTarget.Field, "rt_rw", "RT/RW tidak cocok.")], request.Version - 1), officer, CancellationToken.None));
        Assert.Equal(RequestActionOutcome.Conflict, stale.Outcome);

        var results = await Task.WhenAll(
            InScopeAsync(sp => sp.GetRequiredService<SendBackRequest>().HandleAsync(
                new SendBackCommand(request.Id, [new(CorrectionTarget.Field, "rt_rw", "RT/RW tidak cocok.")], request.Version), officer, CancellationToken.None)),
            InScopeAsync(sp => sp.GetRequiredService<SendBackRequest>().HandleAsync(
                new SendBackCommand(request.Id, [new(CorrectionTarget.Field, "alamat_domisili", AddressReason)], request.Version), supervisor, CancellationToken.None)));

        Assert.Single(results, r => r.Outcome == RequestActionOutcome.Done);
        Assert.Single(results, r => r.Outcome is RequestActionOutcome.Conflict or RequestActionOutcome.NotAllowed);
        var after = await LoadRequestAsync(reference);
        Assert.Equal(1, after.CorrectionRound);
        Assert.Single(after.Corrections);
        Assert.Single(after.Events, e => e.Kind == RequestEventKind.ClockPaused);
        var sentBack = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Notifications
            .CountAsync(n => n.RequestId == request.Id && n.Kind == NotificationKind.SentBack));
        Assert.Equal(1, sentBack);
    }

    private static async Task<string> NotificationTextAsync(PortalClient client) =>
        (await client.GetPageAsync("/notifikasi")).MainText;
}

[Collection(SqlitePortalCollection.Name)]
public sealed class CorrectionLoopOnSqlite(SqlitePortalFixture portal) : CorrectionLoopTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class CorrectionLoopOnPostgreSql(PostgreSqlPortalFixture portal) : CorrectionLoopTests(portal);

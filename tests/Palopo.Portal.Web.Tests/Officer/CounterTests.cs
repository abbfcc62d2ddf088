using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Officer.Assisted;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Requests;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Officer;

/// <summary>
/// The service counter (/petugas/loket): an officer files a request for a walk-in citizen with
/// their consent and prints the receipt; the form is wiped between citizens; the citizen later
/// claims the request into their own account with the tracking code (/permohonan/klaim).
/// </summary>
public abstract class CounterTests(PortalFixture portal) : RequestTestsBase(portal)
{
    public const string CounterUrl = "/petugas/loket";
    public const string FormUrl = "/petugas/loket/" + Service;
    public const string ClaimUrl = "/permohonan/klaim";
    public const string ReceiptPattern = @"^/petugas/loket/tanda-terima/(PLP-\d{4}-\d{6})$";

    private const string WalkInAddress = "Jl. Sawerigading Lrg. 7 No. 31";

    // ---------- filing ----------

    [PortalFact]
    public async Task Officer_files_for_a_walk_in_citizen_with_scans_and_the_receipt_shows_reference_and_tracking_code()
    {
        var officer = await SignedInOfficerAsync();
        var walkIn = Citizen.New();

        var form = await IdentifyAsync(officer, walkIn.Nik, "Hj. Andi Besse Tenri");
        Assert.Equal(walkIn.Nik, form.FieldValue("Answers[nik_pemohon]")); // this citizen's own NIK, prefilled
        Assert.Contains(T.Id("Counter.ConsentTick"), form.MainText, StringComparison.Ordinal);
        Assert.Contains(OfficerName, form.Text(".counter-consent"), StringComparison.Ordinal);

        using var response = await SubmitCounterFormAsync(officer, form);
        var reference = ReferenceFrom(response);
        var receipt = await officer.GetPageAsync($"/petugas/loket/tanda-terima/{reference}");

        var request = await LoadRequestAsync(reference);
        Assert.Equal(reference, receipt.Text("#receipt-reference"));
        Assert.Equal(request.TrackingCode, receipt.Text("#receipt-code"));
        Assert.Contains(OfficerName, receipt.MainText, StringComparison.Ordinal);
        Assert.Contains("/permohonan/klaim", receipt.MainText, StringComparison.Ordinal);
        Assert.Contains(T.Id("Footer.AntiFraud"), receipt.MainText, StringComparison.Ordinal);
        Assert.Contains(walkIn.MaskedNik, receipt.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(walkIn.Nik, receipt.Html, StringComparison.Ordinal);
        Assert.Equal(CounterUrl, receipt.Document.QuerySelector("#next-citizen")?.GetAttribute("href"));

        // The request: assisted, no account, the citizen and the consent under the reserved keys.
        Assert.Equal(RequestChannel.Assisted, request.Channel);
        Assert.Null(request.ApplicantUserId);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.NotNull(request.DueOn);
        Assert.Equal(walkIn.Nik, request.Answers[AssistedAnswers.ApplicantNik]);
        Assert.Equal("Hj. Andi Besse Tenri", request.Answers[AssistedAnswers.ApplicantName]);
        Assert.Matches($@"^ya\|{OfficerName}\|\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", request.Answers[AssistedAnswers.Consent]);
        Assert.Equal(new Application.PersonalData.PrivacyOptions().NoticeVersion, request.PrivacyNoticeVersion); // the notice the citizen consented to
        Assert.Equal(WalkInAddress, request.Answers["alamat_domisili"]);
        Assert.Equal(["ktp", "surat_pengantar_rt"], request.CurrentDocuments.Select(d => d.RequirementKey).Order());

        var audit = await AuditAsync(request.Id);
        Assert.Contains(audit, a => a.Action == AuditAction.AssistedRequestFiled && a.ActorName == OfficerName && a.Reference == reference);
        Assert.DoesNotContain(audit, a => a.Detail?.Contains(walkIn.Nik, StringComparison.Ordinal) == true);
    }

    [PortalFact]
    public async Task Without_the_consent_ticked_the_request_is_refused_and_nothing_is_saved()
    {
        var officer = await SignedInOfficerAsync();
        var walkIn = Citizen.New();
        var form = await IdentifyAsync(officer, walkIn.Nik, "La Ode Muh. Rizal");
        var key = Guid.Parse(form.FieldValue("IdempotencyKey")!);
        var filesBefore = StoredFileCount();

        using var response = await SubmitCounterFormAsync(officer, form, consent: false);
        var page = await PortalClient.ReadPageAsync(response, HttpStatusCode.UnprocessableEntity);

        Assert.Contains(page.ErrorSummary, e => e.Contains(T.Id("Counter.Error.ConsentRequired"), StringComparison.Ordinal));
        Assert.Equal(T.Id("Counter.Error.ConsentRequired"), page.FieldError("persetujuan"));
        Assert.Equal(0, await CountRequestsWithKeyAsync(key));
        Assert.Equal(filesBefore, StoredFileCount()); // the scans were not kept either
        // Same citizen, same form: the officer can tick the box and send again.
        Assert.Equal(walkIn.Nik, page.FieldValue("PemohonNik"));
        Assert.Equal(key.ToString(), page.FieldValue("IdempotencyKey"));
    }

    [PortalFact]
    public async Task A_double_submit_files_one_request()
    {
        var officer = await SignedInOfficerAsync();
        var form = await IdentifyAsync(officer, Citizen.New().Nik, "Sitti Rahmawati");
        var key = Guid.Parse(form.FieldValue("IdempotencyKey")!);

        using var first = await SubmitCounterFormAsync(officer, form);
        using var second = await SubmitCounterFormAsync(officer, form);

        Assert.Equal(ReferenceFrom(first), ReferenceFrom(second));
        Assert.Equal(1, await CountRequestsWithKeyAsync(key));
    }

    [PortalFact]
    public async Task A_bad_NIK_is_refused_at_step_one_and_a_non_Palopo_NIK_only_for_services_that_allow_it()
    {
        var officer = await SignedInOfficerAsync();

        var bad = await IdentifyRawAsync(officer, Service, "12345", "Nama");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        Assert.Equal(T.Id("Apply.Error.Nik.WrongLength"), bad.FieldError("pemohon_nik"));

        const string MakassarNik = "7371014505950003";
        var palopoOnly = await IdentifyRawAsync(officer, "surat-keterangan-tidak-mampu", MakassarNik, "Nama");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, palopoOnly.Status);
        Assert.Equal(T.Id("Counter.Error.CounterNotPalopoNik"), palopoOnly.FieldError("pemohon_nik"));

        var allowed = await IdentifyRawAsync(officer, Service, MakassarNik, "Nama");
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        allowed.Form(FormUrl);
    }

    // ---------- the wipe between citizens ----------

    [PortalFact]
    public async Task After_filing_the_counter_form_starts_empty_and_shows_nothing_of_the_previous_citizen()
    {
        var officer = await SignedInOfficerAsync();
        var citizenA = Citizen.New();
        const string NameA = "Andi Muhammad Yusuf Daeng Pasau";
        var formA = await IdentifyAsync(officer, citizenA.Nik, NameA);
        var keyA = formA.FieldValue("IdempotencyKey");
        using (var response = await SubmitCounterFormAsync(officer, formA))
            ReferenceFrom(response);

        foreach (var url in new[] { CounterUrl, FormUrl })
        {
            using var response = await officer.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} must not be stored by the browser.");
            var page = await HtmlPage.ReadAsync(response);
            foreach (var secret in new[] { citizenA.Nik, citizenA.MaskedNik, NameA, WalkInAddress, "011/004", keyA! })
                Assert.DoesNotContain(secret, page.Html, StringComparison.Ordinal);
            var form = page.Document.QuerySelector("main form[method=post]");
            Assert.Equal("off", form?.GetAttribute("autocomplete"));
            Assert.Empty(page.FieldValue("PemohonNik") ?? "");
            Assert.Empty(page.FieldValue("PemohonNama") ?? "");
        }

        // Citizen B's form after A's: a new key, and A's data nowhere.
        var formB = await IdentifyAsync(officer, Citizen.New().Nik, "Nurul Hikmah");
        Assert.NotEqual(keyA, formB.FieldValue("IdempotencyKey"));
        Assert.DoesNotContain(citizenA.Nik, formB.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(NameA, formB.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(WalkInAddress, formB.Html, StringComparison.Ordinal);
        Assert.Empty(formB.FieldValue("Answers[alamat_domisili]") ?? "");
        Assert.Null(officer.Cookie(".AspNetCore.Session"));
        Assert.Null(officer.Cookie(".AspNetCore.Mvc.CookieTempDataProvider"));
    }

    // ---------- agencies ----------

    [PortalFact]
    public async Task A_DPMPTSP_officer_cannot_choose_a_Disdukcapil_service_at_the_counter()
    {
        var officer = await SignedInOfficerAsync(OtherAgencyOfficer);

        var start = await officer.GetPageAsync(CounterUrl);
        Assert.DoesNotContain(start.Document.QuerySelectorAll("input[name=Layanan]"), i => i.GetAttribute("value") == Service);
        Assert.Contains(start.Document.QuerySelectorAll("input[name=Layanan]"), i => i.GetAttribute("value") == "izin-usaha-mikro");

        await AssertNotFoundAsync(officer, FormUrl);
        var step1 = await IdentifyRawAsync(officer, Service, Citizen.New().Nik, "Nama");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, step1.Status);
        Assert.Equal(T.Id("Counter.Error.ServiceRequired"), step1.FieldError("layanan"));

        // Nor post the other agency's form directly, nor open its receipts.
        var ownForm = await officer.GetPageAsync("/petugas/loket/izin-usaha-mikro");
        var disdukcapil = await SignedInOfficerAsync();
        using var filed = await SubmitCounterFormAsync(disdukcapil, await IdentifyAsync(disdukcapil, Citizen.New().Nik, "Rahmawati"));
        var reference = ReferenceFrom(filed);
        await AssertNotFoundAsync(officer, $"/petugas/loket/tanda-terima/{reference}");
        using var posted = await PostToOtherAgencyFormAsync(officer, ownForm);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    [PortalFact]
    public async Task Citizens_and_visitors_cannot_use_the_counter()
    {
        var (citizen, _) = await SignedInCitizenAsync();
        using (var response = await citizen.GetAsync(CounterUrl))
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        using (var response = await NewClient().GetAsync(CounterUrl))
            Assert.Equal("/akun/masuk?kembali=%2Fpetugas%2Floket", Redirects.AssertRedirect(response));
    }

    // ---------- the citizen's claim ----------

    [PortalFact]
    public async Task A_citizen_with_the_same_NIK_claims_the_request_and_sees_it_in_their_list()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var (reference, code) = await FileForAsync(citizen.Nik);

        var page = await client.FollowAsync(await ClaimAsync(client, reference, code.ToLowerInvariant()), $"/permohonan/{reference}");
        Assert.Contains(reference, page.MainText, StringComparison.Ordinal);
        Assert.Contains(T.Id("Claim.Done", reference), page.MainText, StringComparison.Ordinal);

        var list = await client.GetPageAsync("/permohonan");
        Assert.Contains(reference, list.MainText, StringComparison.Ordinal);
        var request = await LoadRequestAsync(reference);
        Assert.Equal(await UserIdAsync(citizen.Email), request.ApplicantUserId);
        Assert.Equal(RequestChannel.Assisted, request.Channel);
        Assert.Contains(await AuditAsync(request.Id), a => a.Action == AuditAction.AssistedRequestClaimed && a.DataSubjectUserId == request.ApplicantUserId);
    }

    [PortalFact]
    public async Task Another_NIK_a_wrong_code_and_a_second_claim_all_get_the_same_message_and_change_nothing()
    {
        var (owner, ownerCitizen) = await SignedInCitizenAsync();
        var (stranger, _) = await SignedInCitizenAsync();
        var (reference, code) = await FileForAsync(ownerCitizen.Nik);
        var refused = T.Id("Claim.Refused");

        var otherNik = await PortalClient.ReadPageAsync(await ClaimAsync(stranger, reference, code), HttpStatusCode.UnprocessableEntity);
        Assert.Equal([refused], otherNik.ErrorSummary);
        var wrongCode = await PortalClient.ReadPageAsync(await ClaimAsync(owner, reference, "AAAA2222"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal([refused], wrongCode.ErrorSummary);
        var unknown = await PortalClient.ReadPageAsync(await ClaimAsync(owner, "PLP-2000-999999", code), HttpStatusCode.UnprocessableEntity);
        Assert.Equal([refused], unknown.ErrorSummary);
        Assert.Null((await LoadRequestAsync(reference)).ApplicantUserId);

        using (var claimed = await ClaimAsync(owner, reference, code))
            Redirects.AssertRedirect(claimed, $"/permohonan/{reference}");
        var again = await PortalClient.ReadPageAsync(await ClaimAsync(owner, reference, code), HttpStatusCode.UnprocessableEntity);
        Assert.Equal([refused], again.ErrorSummary);
        var late = await PortalClient.ReadPageAsync(await ClaimAsync(stranger, reference, code), HttpStatusCode.UnprocessableEntity);
        Assert.Equal([refused], late.ErrorSummary);
        Assert.Equal(await UserIdAsync(ownerCitizen.Email), (await LoadRequestAsync(reference)).ApplicantUserId);
        await AssertNotFoundAsync(stranger, $"/permohonan/{reference}");
    }

    [PortalFact]
    public async Task An_online_request_cannot_be_claimed()
    {
        var (applicant, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(applicant);
        var code = (await LoadRequestAsync(reference)).TrackingCode!;
        var (other, _) = await SignedInCitizenAsync();
        var page = await PortalClient.ReadPageAsync(await ClaimAsync(other, reference, code), HttpStatusCode.UnprocessableEntity);
        Assert.Equal([T.Id("Claim.Refused")], page.ErrorSummary);
    }

    [PortalFact]
    public async Task A_visitor_is_sent_to_sign_in_before_claiming()
    {
        using var response = await NewClient().GetAsync(ClaimUrl);
        Assert.Equal("/akun/masuk?kembali=%2Fpermohonan%2Fklaim", Redirects.AssertRedirect(response));
    }

    [PortalFact]
    public async Task The_claim_form_asks_for_both_values()
    {
        var (client, _) = await SignedInCitizenAsync();
        var page = await PortalClient.ReadPageAsync(await ClaimAsync(client, "", ""), HttpStatusCode.UnprocessableEntity);
        Assert.Equal([T.Id("Track.ReferenceRequired"), T.Id("Track.CodeRequired")], page.ErrorSummary);
    }

    // ---------- journeys ----------

    private async Task<PortalClient> SignedInOfficerAsync(string email = Officer)
    {
        var client = NewClient();
        await SignInWithAuthenticatorAsync(client, email, Citizen.DemoPassword, Citizen.DemoStaffAuthenticatorKey);
        return client;
    }

    private static async Task<HtmlPage> IdentifyRawAsync(PortalClient officer, string slug, string nik, string name)
    {
        var start = await officer.GetPageAsync(CounterUrl);
        using var response = await officer.SubmitAsync(start, CounterUrl, new Dictionary<string, string?>
        {
            ["Layanan"] = slug,
            ["PemohonNik"] = nik,
            ["PemohonNama"] = name,
        });
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>Step 1 with the domisili service: returns step 2, the service form.</summary>
    private static async Task<HtmlPage> IdentifyAsync(PortalClient officer, string nik, string name)
    {
        var page = await IdentifyRawAsync(officer, Service, nik, name);
        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        page.Form(FormUrl);
        return page;
    }

    private static Task<HttpResponseMessage> SubmitCounterFormAsync(PortalClient officer, HtmlPage form, bool consent = true) =>
        officer.SubmitMultipartAsync(form, FormUrl, new Dictionary<string, string?>
        {
            ["Answers[kelurahan_domisili]"] = Citizen.Tompotikka,
            ["Answers[alamat_domisili]"] = WalkInAddress,
            ["Answers[rt_rw]"] = "011/004",
            ["Answers[tinggal_sejak]"] = "2019-07-01",
            ["Answers[keperluan]"] = "bank",
            ["Persetujuan"] = consent ? "ya" : null,
        }, [FileUpload.Pdf("doc_ktp", "scan-ktp.pdf"), FileUpload.Png("doc_surat_pengantar_rt", "scan-pengantar.png")]);

    private static Task<HttpResponseMessage> PostToOtherAgencyFormAsync(PortalClient officer, HtmlPage ownForm)
    {
        // The DPMPTSP officer's own form, re-aimed at the Disdukcapil service's address.
        var form = ownForm.Form("/petugas/loket/izin-usaha-mikro");
        form.SetAttribute("action", FormUrl);
        return officer.SubmitMultipartAsync(ownForm, FormUrl, new Dictionary<string, string?> { ["PemohonNik"] = Citizen.New().Nik, ["PemohonNama"] = "X", ["Persetujuan"] = "ya" });
    }

    private static string ReferenceFrom(HttpResponseMessage response)
    {
        var location = Redirects.AssertRedirect(response);
        var match = Regex.Match(location, ReceiptPattern);
        Assert.True(match.Success, $"Expected a redirect to the counter receipt, got {location}.");
        return match.Groups[1].Value;
    }

    private async Task<(string Reference, string Code)> FileForAsync(string nik)
    {
        var officer = await SignedInOfficerAsync();
        using var response = await SubmitCounterFormAsync(officer, await IdentifyAsync(officer, nik, "Andi Nurul Fadhilah"));
        var reference = ReferenceFrom(response);
        return (reference, (await LoadRequestAsync(reference)).TrackingCode!);
    }

    private static async Task<HttpResponseMessage> ClaimAsync(PortalClient citizen, string reference, string code)
    {
        var form = await citizen.GetPageAsync(ClaimUrl);
        return await citizen.SubmitAsync(form, ClaimUrl, new Dictionary<string, string?> { ["ReferenceNumber"] = reference, ["TrackingCode"] = code });
    }

    private int StoredFileCount()
    {
        var directory = Path.Combine(App.DataPath, "files");
        return Directory.Exists(directory) ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Length : 0;
    }

    private Task<int> CountRequestsWithKeyAsync(Guid key) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.CountAsync(r => r.IdempotencyKey == key));

    private Task<List<AuditEntry>> AuditAsync(Guid requestId) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking().Where(a => a.SubjectId == requestId).ToListAsync());
}

[Collection(SqlitePortalCollection.Name)]
public sealed class CounterOnSqlite(SqlitePortalFixture portal) : CounterTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class CounterOnPostgreSql(PostgreSqlPortalFixture portal) : CounterTests(portal);

using System.Net;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Officer;

/// <summary>
/// The officer's review page and its decisions on an akta kelahiran: claim, approve through two
/// steps (the second only by the kepala), reject, internal notes, a stale form after another
/// officer's decision, and another agency's staff kept out (404).
/// </summary>
public abstract class ReviewTests(PortalFixture portal) : ReviewTestsBase(portal)
{
    [PortalFact]
    public async Task Officer_claims_and_approves_verification_only_the_kepala_approves_the_last_step()
    {
        var (citizenClient, citizen, reference) = await SubmittedAktaAsync();
        var officer = await StaffAsync(Officer);

        var page = await officer.GetPageAsync(ReviewUrl(reference));
        Assert.Equal(T.Id("Requests.Status.Submitted"), StatusText(page));
        Assert.Contains("Verifikasi berkas", page.Text("#review-step"), StringComparison.Ordinal);
        Assert.Contains(T.Id("Officer.Review.StepOf", 1, 2), page.Text("#review-step"), StringComparison.Ordinal);
        Assert.Contains(T.Id("Officer.Review.Role.Officer"), page.Text("#step-role"), StringComparison.Ordinal);
        Assert.Equal(T.Id("Officer.Review.Channel.Online"), page.Text("#review-channel"));
        Assert.Equal(T.Id("Officer.Review.Unassigned"), page.Text("#review-assigned"));
        Assert.Equal(citizen.FullName, page.Text("#review-applicant"));
        Assert.Equal(citizen.MaskedNik, page.Text("#review-applicant-nik"));
        Assert.DoesNotContain(citizen.Nik, page.Text("#review-header"), StringComparison.Ordinal); // the account NIK masked
        Assert.Contains(citizen.Nik, page.Text("#answers"), StringComparison.Ordinal); // the reporter's NIK answer, prefilled from it, in full
        Assert.Contains(MotherNik, page.Text("#answers"), StringComparison.Ordinal); // form NIKs in full: checking them is the task
        Assert.Contains("Muhammad Fathir Ramadhan", page.Text("#answers"), StringComparison.Ordinal);
        Assert.Equal(T.Id("Requests.Clock.NotStarted", 5), page.Text("#clock-day")); // submitted today: counting starts tomorrow
        Assert.True(page.Has("#days-left"));
        var links = page.Document.QuerySelectorAll("#documents a.document-open").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, href => Assert.Matches($"^/petugas/permohonan/{reference}/berkas/[0-9a-f-]{{36}}$", href));

        // Claim.
        page = await AssertDoneAsync(officer, await DecideAsync(officer, page, reference, "ambil"), reference, "Officer.Review.Claimed");
        Assert.Equal(T.Id("Officer.Review.AssignedYou", OfficerName), page.Text("#review-assigned"));
        Assert.Equal(T.Id("Requests.Status.InReview"), StatusText(page));
        Assert.False(page.Has($"form[action='{ReviewUrl(reference)}/ambil']"));

        // Approve step 1: the request moves to the kepala's step.
        page = await AssertDoneAsync(officer, await DecideAsync(officer, page, reference, "setujui"), reference, "Officer.Review.ApprovedStep");
        Assert.Contains("Persetujuan kepala", page.Text("#review-step"), StringComparison.Ordinal);
        Assert.Contains(T.Id("Officer.Review.Role.Supervisor"), page.Text("#step-role"), StringComparison.Ordinal);
        Assert.Equal(T.Id("Requests.Status.InReview"), StatusText(page));

        // The officer is not offered step 2, and a forged post is refused with a message; nothing changes.
        Assert.False(page.Has($"form[action='{ReviewUrl(reference)}/setujui']"));
        Assert.Equal(T.Id("Officer.Review.StepRoleHint", "Persetujuan kepala", T.Id("Officer.Review.Role.Supervisor")), page.Text("#approve-not-yours"));
        var before = await LoadAsync(reference);
        var refused = await ReadAsync(await PostRawAsync(officer, page, $"{ReviewUrl(reference)}/setujui", before.Version), HttpStatusCode.Forbidden);
        Assert.Contains(T.Id("Officer.Review.StepRoleOnly", "Persetujuan kepala", T.Id("Officer.Review.Role.Supervisor")), refused.Text("#review-message"), StringComparison.Ordinal);
        var unchanged = await LoadAsync(reference);
        Assert.Equal((before.Version, before.Status, before.CurrentStep), (unchanged.Version, unchanged.Status, unchanged.CurrentStep));

        // The kepala approves the last step: approved, and (akta kelahiran is issued automatically) at once issued; the citizen sees it.
        var kepala = await StaffAsync(Kepala);
        var kepalaPage = await kepala.GetPageAsync(ReviewUrl(reference));
        Assert.Equal(T.Id("Officer.Review.ApproveFinal"), kepalaPage.Text("#approve-button"));
        kepalaPage = await AssertDoneAsync(kepala, await DecideAsync(kepala, kepalaPage, reference, "setujui", new Dictionary<string, string?> { ["catatan"] = "Berkas lengkap." }), reference, "Officer.Review.ApprovedFinal");
        Assert.Equal(T.Id("Requests.Status.Issued"), StatusText(kepalaPage));
        Assert.True(kepalaPage.Has("#no-decisions"));

        var citizenPage = await citizenClient.GetPageAsync($"/permohonan/{reference}");
        Assert.Equal(T.Id("Requests.Status.Issued"), citizenPage.Text("#status .badge"));

        // Audit: views, the claim and both approvals, all about the citizen's data.
        var citizenId = await UserIdAsync(citizen.Email);
        var officerId = await UserIdAsync(Officer);
        var kepalaId = await UserIdAsync(Kepala);
        var audit = await AuditAsync(reference);
        Assert.Contains(audit, a => a.Action == AuditAction.RequestViewed && a.ActorUserId == officerId);
        Assert.Contains(audit, a => a.Action == AuditAction.RequestViewed && a.ActorUserId == kepalaId);
        Assert.Single(audit, a => a.Action == AuditAction.RequestClaimed && a.ActorUserId == officerId);
        Assert.Equal(2, audit.Count(a => a.Action == AuditAction.StepApproved));
        Assert.Contains(audit, a => a.Action == AuditAction.StepApproved && a.ActorUserId == kepalaId);
        Assert.All(audit, a => Assert.Equal(citizenId, a.DataSubjectUserId));
    }

    [PortalFact]
    public async Task Reject_needs_a_reason_and_the_citizen_reads_it()
    {
        var (citizenClient, _, reference) = await SubmittedAktaAsync();
        var officer = await StaffAsync(Officer);
        var page = await officer.GetPageAsync(ReviewUrl(reference));
        var before = await LoadAsync(reference);

        var invalid = await ReadAsync(await DecideAsync(officer, page, reference, "tolak", new Dictionary<string, string?> { ["alasan"] = "   " }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(T.Id("Officer.Review.Error.RejectReasonRequired"), invalid.ErrorSummary);
        Assert.Equal(T.Id("Officer.Review.Error.RejectReasonRequired"), invalid.FieldError("reject-reason"));
        var unchanged = await LoadAsync(reference);
        Assert.Equal((before.Version, RequestStatus.Submitted), (unchanged.Version, unchanged.Status));

        const string reason = "Surat keterangan lahir bukan dari fasilitas kesehatan yang berwenang.";
        var done = await AssertDoneAsync(officer, await DecideAsync(officer, invalid, reference, "tolak", new Dictionary<string, string?> { ["alasan"] = reason }), reference, "Officer.Review.Rejected");
        Assert.Equal(T.Id("Requests.Status.Rejected"), StatusText(done));

        var citizenPage = await citizenClient.GetPageAsync($"/permohonan/{reference}");
        Assert.Equal(T.Id("Requests.Status.Rejected"), citizenPage.Text("#status .badge"));
        Assert.Contains(reason, citizenPage.Text("#rejection"), StringComparison.Ordinal);
        Assert.Single(await AuditAsync(reference), a => a.Action == AuditAction.RequestRejected);

        // Wrong state: approving a rejected request is refused with a message; nothing changes.
        var rejected = await LoadAsync(reference);
        var refused = await ReadAsync(await PostRawAsync(officer, done, $"{ReviewUrl(reference)}/setujui", rejected.Version), HttpStatusCode.Conflict);
        Assert.Contains(T.Id("Officer.Review.NotAllowed", T.Id("Requests.Status.Rejected")), refused.Text("#review-message"), StringComparison.Ordinal);
        Assert.Equal(rejected.Version, (await LoadAsync(reference)).Version);
    }

    [PortalFact]
    public async Task A_stale_form_after_another_officers_decision_is_refused_and_shows_the_current_state()
    {
        var (_, _, reference) = await SubmittedAktaAsync();
        var first = await StaffAsync(Officer);
        var second = await StaffAsync(Kepala); // also an officer of Disdukcapil: may approve step 1
        var firstPage = await first.GetPageAsync(ReviewUrl(reference));
        var secondPage = await second.GetPageAsync(ReviewUrl(reference));

        await AssertDoneAsync(first, await DecideAsync(first, firstPage, reference, "setujui"), reference, "Officer.Review.ApprovedStep");
        var afterFirst = await LoadAsync(reference);
        Assert.Equal(1, afterFirst.CurrentStep);

        var stale = await ReadAsync(await DecideAsync(second, secondPage, reference, "setujui"), HttpStatusCode.Conflict);
        Assert.Contains(T.Id("Officer.Review.Conflict"), stale.Text("#review-message"), StringComparison.Ordinal);
        Assert.Contains("Persetujuan kepala", stale.Text("#review-step"), StringComparison.Ordinal); // the current state
        var now = await LoadAsync(reference);
        Assert.Equal((afterFirst.Version, afterFirst.CurrentStep, afterFirst.Status), (now.Version, now.CurrentStep, now.Status));

        // Every other decision with the stale version is refused the same way.
        foreach (var (action, fields) in new (string, (string, string)[])[]
        {
            ("tolak", [("alasan", "Tidak lengkap.")]),
            ("catatan", [("catatan", "Cek ulang.")]),
            ("ambil", []),
            ("kembalikan", [("tandai", "f_nama_anak"), ("alasan[f_nama_anak]", "Ejaan salah.")]),
        })
        {
            var refused = await ReadAsync(await PostRawAsync(second, secondPage, $"{ReviewUrl(reference)}/{action}", afterFirst.Version - 1, fields), HttpStatusCode.Conflict);
            Assert.Contains(T.Id("Officer.Review.Conflict"), refused.Text("#review-message"), StringComparison.Ordinal);
        }

        Assert.Equal(afterFirst.Version, (await LoadAsync(reference)).Version);
        Assert.Single(await AuditAsync(reference), a => a.Action == AuditAction.StepApproved);
    }

    [PortalFact]
    public async Task Another_agencys_officer_gets_404_for_the_page_its_documents_and_every_decision()
    {
        var (_, _, reference) = await SubmittedAktaAsync();
        var request = await LoadAsync(reference);
        var documentId = request.Documents.First().Id;
        var outsider = await StaffAsync(OtherAgencyOfficer);

        await AssertStatusAsync(outsider, ReviewUrl(reference), HttpStatusCode.NotFound);
        await AssertStatusAsync(outsider, $"{ReviewUrl(reference)}/berkas/{documentId}", HttpStatusCode.NotFound);
        var tokenPage = await outsider.GetPageAsync(AccountUrl);
        foreach (var action in new[] { "ambil", "setujui", "kembalikan", "tolak", "catatan" })
        {
            using var response = await PostRawAsync(outsider, tokenPage, $"{ReviewUrl(reference)}/{action}", request.Version,
                ("alasan", "x"), ("catatan", "x"), ("tandai", "f_nama_anak"), ("alasan[f_nama_anak]", "x"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(request.Version, (await LoadAsync(reference)).Version);
        Assert.Empty(await AuditAsync(reference));

        // Forged references and document ids are 404 for the owning agency too.
        var officer = await StaffAsync(Officer);
        await AssertStatusAsync(officer, ReviewUrl("PLP-2026-999999"), HttpStatusCode.NotFound);
        await AssertStatusAsync(officer, ReviewUrl("bukan-nomor"), HttpStatusCode.NotFound);
        await AssertStatusAsync(officer, $"{ReviewUrl(reference)}/berkas/{Guid.NewGuid()}", HttpStatusCode.NotFound);

        // A citizen is not let in at all.
        var (citizen, _) = await SignedInCitizenAsync();
        using var citizenResponse = await citizen.GetAsync(ReviewUrl(reference));
        Assert.NotEqual(HttpStatusCode.OK, citizenResponse.StatusCode);
    }

    [PortalFact]
    public async Task Internal_notes_are_seen_by_staff_and_never_by_the_citizen()
    {
        var (citizenClient, _, reference) = await SubmittedAktaAsync();
        var officer = await StaffAsync(Officer);
        var page = await officer.GetPageAsync(ReviewUrl(reference));

        var empty = await ReadAsync(await DecideAsync(officer, page, reference, "catatan", new Dictionary<string, string?> { ["catatan"] = "" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("Officer.Review.Error.NoteRequired"), empty.FieldError("note-text"));

        const string note = "Telepon bidan untuk memastikan surat lahir asli.";
        page = await AssertDoneAsync(officer, await DecideAsync(officer, page, reference, "catatan", new Dictionary<string, string?> { ["catatan"] = note }), reference, "Officer.Review.NoteAdded");
        var internalEntry = page.Text("#timeline .timeline-entry--internal");
        Assert.Contains(note, internalEntry, StringComparison.Ordinal);
        Assert.Contains(OfficerName, internalEntry, StringComparison.Ordinal);

        var kepala = await StaffAsync(Kepala);
        Assert.Contains(note, (await kepala.GetPageAsync(ReviewUrl(reference))).Text("#timeline"), StringComparison.Ordinal);

        var citizenPage = await citizenClient.GetPageAsync($"/permohonan/{reference}");
        Assert.DoesNotContain(note, citizenPage.Html, StringComparison.Ordinal);
        Assert.Single(await AuditAsync(reference), a => a.Action == AuditAction.InternalNoteAdded);
    }

    [PortalFact]
    public async Task Documents_open_inline_sandboxed_and_uncached_and_each_opening_is_audited()
    {
        var (_, citizen, reference) = await SubmittedAktaAsync();
        var officer = await StaffAsync(Officer);
        var page = await officer.GetPageAsync(ReviewUrl(reference));
        var pdfLink = page.Document.QuerySelector($"#documents li[data-key='{BirthNotice}'] a.document-open")!.GetAttribute("href")!;

        using var response = await officer.GetAsync(pdfLink);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("surat-keterangan-lahir.pdf", disposition.FileName?.Trim('"'));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("sandbox", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(FileUpload.PdfBytes, await response.Content.ReadAsByteArrayAsync());

        var citizenId = await UserIdAsync(citizen.Email);
        var viewed = Assert.Single(await AuditAsync(reference), a => a.Action == AuditAction.DocumentViewed);
        Assert.Equal(citizenId, viewed.DataSubjectUserId);
        Assert.Equal(await UserIdAsync(Officer), viewed.ActorUserId);
    }

    private static async Task AssertStatusAsync(PortalClient client, string url, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}.");
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class ReviewOnSqlite(SqlitePortalFixture portal) : ReviewTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class ReviewOnPostgreSql(PostgreSqlPortalFixture portal) : ReviewTests(portal);

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Documents;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Documents;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Documents;

/// <summary>
/// Issued documents end to end: the final approval issues the PDF (or an officer does, for services
/// issued by officers), only the owner and the agency's officers download it, anyone verifies it by
/// code or by uploading the file, and the kepala revokes it.
/// </summary>
public abstract class DocumentTests(PortalFixture portal) : DocumentTestsBase(portal)
{
    [PortalFact]
    public async Task The_final_approval_issues_the_document_the_citizen_is_told_and_only_the_owner_downloads_it()
    {
        var (citizenClient, citizen, reference) = await SubmittedAktaAsync();
        Assert.Equal(Application.Requests.RequestActionOutcome.Done, (await ApproveAsync(reference, Officer)).Outcome);

        // The kepala approves the last step through the review page: the request is Issued at once.
        var kepala = await StaffAsync(Kepala);
        var page = await kepala.GetPageAsync(ReviewUrl(reference));
        page = await AssertDoneAsync(kepala, await DecideAsync(kepala, page, reference, "setujui"), reference, "Officer.Review.ApprovedFinal");
        Assert.Equal(T.Id("Requests.Status.Issued"), StatusText(page));

        var document = await DocumentAsync(reference);
        Assert.NotNull(document);
        Assert.Matches(@"^DISDUKCAPIL/\d{4}/\d{6}$", document.Number);
        Assert.Equal(citizen.FullName, document.HolderName);
        Assert.Equal(citizen.MaskedNik, document.HolderNikMasked);
        Assert.Equal(await UserIdAsync(Kepala), document.IssuedByUserId);
        Assert.Matches("^[0-9a-f]{64}$", document.Sha256);
        Assert.Equal(document.Number, page.Text("#issued-number"));
        Assert.Equal(VerificationCode.Display(document.VerificationCode), page.Text("#issued-code"));
        Assert.False(page.Has("#issue-button"));

        // The citizen: an in-app notification, an e-mail in the outbox, and the download.
        var citizenId = await UserIdAsync(citizen.Email);
        var (notified, mailed) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            return (await db.Notifications.AnyAsync(n => n.UserId == citizenId && n.Kind == NotificationKind.Issued && n.ReferenceNumber == reference),
                await db.OutboxMessages.AnyAsync(m => m.To == citizen.Email && m.Subject.Contains(reference) && m.Subject.Contains("terbit")));
        });
        Assert.True(notified);
        Assert.True(mailed);

        var details = await citizenClient.GetPageAsync($"/permohonan/{reference}");
        Assert.Equal(T.Id("Requests.Status.Issued"), details.Text("#status .badge"));
        Assert.Equal(DownloadUrl(reference), details.Document.QuerySelector("#issued-download")?.GetAttribute("href"));
        using (var download = await citizenClient.GetAsync(DownloadUrl(reference)))
        {
            var bytes = await PdfAsync(download);
            Assert.Equal(document.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
            Assert.Contains("no-store", download.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }

        // Another citizen: 404. Nobody signed in: sent to sign in, no PDF.
        var (other, _) = await SignedInCitizenAsync();
        using (var refused = await other.GetAsync(DownloadUrl(reference)))
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using (var anonymous = await NewClient().GetAsync(DownloadUrl(reference)))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith(LoginUrl, Redirects.PathAndQuery(anonymous.Headers.Location), StringComparison.Ordinal);
        }

        // The agency's officer downloads it from the review page (audited); another agency's officer gets 404.
        var officer = await StaffAsync(Officer);
        using (var officerDownload = await officer.GetAsync(OfficerDownloadUrl(reference)))
            await PdfAsync(officerDownload);
        var officerId = await UserIdAsync(Officer);
        var audit = await AuditAsync(reference);
        Assert.Single(audit, a => a.Action == AuditAction.DocumentIssued);
        Assert.Contains(audit, a => a.Action == AuditAction.DocumentViewed && a.ActorUserId == officerId && a.DataSubjectUserId == citizenId);
        var outsider = await StaffAsync(OtherAgencyOfficer);
        using (var outsiderDownload = await outsider.GetAsync(OfficerDownloadUrl(reference)))
            Assert.Equal(HttpStatusCode.NotFound, outsiderDownload.StatusCode);
    }

    [PortalFact]
    public async Task A_service_issued_by_officers_waits_approved_until_an_officer_issues_it()
    {
        await SetAktaIssuanceAsync(IssuanceMode.ByOfficer);
        try
        {
            var (citizenClient, _, reference) = await SubmittedAktaAsync();
            await ApproveAsync(reference, Officer);
            var final = await ApproveAsync(reference, Kepala);
            Assert.Equal(RequestStatus.Approved, final.Status);
            Assert.Null(await DocumentAsync(reference));

            // The citizen has nothing to download yet.
            using (var none = await citizenClient.GetAsync(DownloadUrl(reference)))
                Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);

            // Another agency's officer cannot issue it (404), nor see the button.
            var outsider = await StaffAsync(OtherAgencyOfficer);
            var officer = await StaffAsync(Officer);
            var page = await officer.GetPageAsync(ReviewUrl(reference));
            Assert.Equal(T.Id("Documents.Officer.WaitingByOfficer"), page.Text("#issue-waiting"));
            var version = (await LoadAsync(reference)).Version;
            var outsiderPage = await outsider.GetPageAsync("/petugas");
            using (var forged = await PostRawAsync(outsider, outsiderPage, $"{ReviewUrl(reference)}/terbitkan", version))
                Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
            Assert.Null(await DocumentAsync(reference));

            // The officer issues it: Issued, with the document and the officer named on it.
            using (var issued = await officer.SubmitAsync(page, $"{ReviewUrl(reference)}/terbitkan"))
                page = await officer.FollowAsync(issued, ReviewUrl(reference));
            var document = await DocumentAsync(reference);
            Assert.NotNull(document);
            Assert.Equal(T.Id("Documents.Officer.Issued", document.Number), page.Notice);
            Assert.Equal(T.Id("Requests.Status.Issued"), StatusText(page));
            Assert.Equal(OfficerName, document.IssuedByName);
            Assert.Equal(RequestStatus.Issued, (await LoadAsync(reference)).Status);

            // A second issue (a stale page) is refused: still one document.
            using (var again = await PostRawAsync(officer, page, $"{ReviewUrl(reference)}/terbitkan", (await LoadAsync(reference)).Version))
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal(1, await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().IssuedDocuments.CountAsync(d => d.RequestId == document.RequestId)));
        }
        finally
        {
            await SetAktaIssuanceAsync(IssuanceMode.Automatic);
        }
    }

    [PortalFact]
    public async Task When_the_pdf_cannot_be_made_the_request_stays_approved_with_nothing_half_issued_and_an_officer_retries()
    {
        var (_, citizen, reference) = await SubmittedAktaAsync();
        await ApproveAsync(reference, Officer);
        var request = await LoadAsync(reference);
        var kepalaId = await UserIdAsync(Kepala);
        var filesBefore = StoredFiles();

        // The final approval with a renderer that throws (a broken font, a bug): the approval stands, the issue does not.
        var result = await InScopeAsync(sp =>
        {
            var issuance = ActivatorUtilities.CreateInstance<IssueDocument>(sp, new FailingRenderer());
            return ActivatorUtilities.CreateInstance<ApproveRequestStep>(sp, issuance)
                .HandleAsync(new ApproveStepCommand(request.Id, null), kepalaId, CancellationToken.None);
        });
        Assert.Equal((Application.Requests.RequestActionOutcome.Done, RequestStatus.Approved), (result.Outcome, result.Status));
        Assert.Equal(RequestStatus.Approved, (await LoadAsync(reference)).Status);
        Assert.Null(await DocumentAsync(reference));
        Assert.Equal(filesBefore, StoredFiles()); // no orphan PDF
        var citizenId = await UserIdAsync(citizen.Email);
        Assert.False(await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Notifications
            .AnyAsync(n => n.UserId == citizenId && n.Kind == NotificationKind.Issued)));
        Assert.DoesNotContain(await AuditAsync(reference), a => a.Action == AuditAction.DocumentIssued);

        // The review page says so and offers the button; the officer issues it.
        var officer = await StaffAsync(Officer);
        var page = await officer.GetPageAsync(ReviewUrl(reference));
        Assert.Equal(T.Id("Documents.Officer.WaitingRetry"), page.Text("#issue-waiting"));
        using (var issued = await officer.SubmitAsync(page, $"{ReviewUrl(reference)}/terbitkan"))
            page = await officer.FollowAsync(issued, ReviewUrl(reference));
        Assert.Equal(T.Id("Requests.Status.Issued"), StatusText(page));
        Assert.NotNull(await DocumentAsync(reference));
    }

    private string[] StoredFiles()
    {
        var root = Path.Combine(App.DataPath, "files");
        return Directory.Exists(root) ? [.. Directory.EnumerateFiles(root, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }

    private sealed class FailingRenderer : IDocumentRenderer
    {
        public byte[] Render(DocumentContent content) => throw new InvalidOperationException("Simulated rendering failure.");
    }

    [PortalFact]
    public async Task An_issued_pdf_is_kept_by_the_retention_purge_and_is_in_the_citizens_zip_and_json_export()
    {
        var (client, _, reference) = await IssuedAktaAsync();
        var document = (await DocumentAsync(reference))!;
        var path = Path.Combine(App.DataPath, "files", document.StoredName);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-30)); // well past the orphan grace period

        await InScopeAsync(sp => ActivatorUtilities.CreateInstance<Application.PersonalData.RetentionPurge>(sp).RunAsync(CancellationToken.None));
        Assert.True(File.Exists(path), "The retention purge deleted an issued document's PDF.");

        using var response = await client.GetAsync("/data-saya/dokumen");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read);
        var entry = Assert.Single(zip.Entries, e => e.FullName.StartsWith($"{reference}/dokumen-terbit-", StringComparison.Ordinal));
        await using var pdf = entry.Open();
        using var copy = new MemoryStream();
        await pdf.CopyToAsync(copy);
        Assert.Equal(document.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(copy.ToArray())));

        // The JSON export lists the issued document and the citizen's rights requests too.
        using (var filed = await client.SubmitFormAsync("/data-saya", new Dictionary<string, string?> { ["kind"] = "Access", ["details"] = "Salinan data saya." }, "/data-saya/hak"))
            Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        using var export = await client.GetAsync("/data-saya/unduh");
        using var json = System.Text.Json.JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        var issued = Assert.Single(json.RootElement.GetProperty("issuedDocuments").EnumerateArray());
        Assert.Equal(document.Number, issued.GetProperty("number").GetString());
        Assert.Equal(reference, issued.GetProperty("referenceNumber").GetString());
        var rights = Assert.Single(json.RootElement.GetProperty("rightsRequests").EnumerateArray());
        Assert.Equal("Salinan data saya.", rights.GetProperty("details").GetString());
    }

    [PortalFact]
    public async Task Anyone_verifies_by_code_seeing_only_minimal_data_and_after_revocation_sees_it_revoked()
    {
        var (_, citizen, reference) = await IssuedAktaAsync();
        var document = (await DocumentAsync(reference))!;
        var code = VerificationCode.Display(document.VerificationCode);
        var visitor = NewClient();

        // The QR's address: valid, with the type, holder, masked NIK, date and agency; nothing else.
        var result = await visitor.GetPageAsync($"{VerifyUrl}/{code}");
        Assert.Equal("valid", result.Document.QuerySelector("#verify-verdict")?.GetAttribute("data-status"));
        Assert.Equal(T.Id("Verify.Valid.Title"), result.Text(".verify-verdict__title"));
        Assert.Equal("Akta Kelahiran", result.Text("#verify-type"));
        Assert.Equal(citizen.FullName, result.Text("#verify-holder"));
        Assert.Equal(citizen.MaskedNik, result.Text("#verify-nik"));
        Assert.Equal("Dinas Kependudukan dan Pencatatan Sipil", result.Text("#verify-agency"));
        Assert.DoesNotContain(citizen.Nik, result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Number, result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.Email, result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.PhoneNumber, result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Muhammad Fathir Ramadhan", result.Html, StringComparison.Ordinal); // the form's answers stay private
        Assert.Equal(6, result.Document.QuerySelectorAll("#verify-details dt").Length);

        // Typed in the form, in lower case without dashes: the same document (via the canonical address).
        using (var typed = await visitor.GetAsync($"{VerifyUrl}?kode={document.VerificationCode.ToLowerInvariant()}"))
            Assert.Equal($"{VerifyUrl}/{code}", Redirects.AssertRedirect(typed));
        var english = await visitor.GetPageAsync($"{VerifyUrl}/{document.VerificationCode.ToLowerInvariant()}?culture=en");
        Assert.Equal(T.En("Verify.Valid.Title"), english.Text(".verify-verdict__title"));
        Assert.Equal("Birth Certificate", english.Text("#verify-type"));

        // An ordinary officer may not revoke (403, no form); another agency's officer gets 404.
        var officer = await StaffAsync(Officer);
        var review = await officer.GetPageAsync(ReviewUrl(reference));
        Assert.False(review.Has("#revoke-link"));
        using (var notKepala = await officer.GetAsync(RevokeUrl(reference)))
            Assert.Equal(HttpStatusCode.Forbidden, notKepala.StatusCode);
        using (var forged = await PostRawAsync(officer, review, RevokeUrl(reference), 0, ("alasan", "Coba-coba")))
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var outsider = await StaffAsync(OtherAgencyOfficer);
        var outsiderPage = await outsider.GetPageAsync("/petugas");
        using (var foreign = await PostRawAsync(outsider, outsiderPage, RevokeUrl(reference), 0, ("alasan", "Coba-coba")))
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.False((await DocumentAsync(reference))!.IsRevoked);

        // The kepala: a reason is required (422, nothing saved), then the revocation.
        var kepala = await StaffAsync(Kepala);
        var kepalaReview = await kepala.GetPageAsync(ReviewUrl(reference));
        Assert.Equal(RevokeUrl(reference), kepalaReview.Document.QuerySelector("#revoke-link")?.GetAttribute("href"));
        var form = await kepala.GetPageAsync(RevokeUrl(reference));
        var empty = await PortalClient.ReadPageAsync(await kepala.SubmitAsync(form, RevokeUrl(reference), new Dictionary<string, string?> { ["alasan"] = "   " }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("Documents.Officer.ReasonRequired"), empty.Text("#revoke-reason-error"));
        Assert.False((await DocumentAsync(reference))!.IsRevoked);
        var tooLong = await PortalClient.ReadPageAsync(await kepala.SubmitAsync(empty, RevokeUrl(reference), new Dictionary<string, string?> { ["alasan"] = new string('x', 501) }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(new string('x', 501), tooLong.Text("#revoke-reason"));
        var done = await kepala.SubmitAsync(tooLong, RevokeUrl(reference), new Dictionary<string, string?> { ["alasan"] = "Data kelahiran keliru." });
        await AssertDoneAsync(kepala, done, reference, "Documents.Officer.Revoked");

        var revoked = await DocumentAsync(reference);
        Assert.True(revoked!.IsRevoked);
        Assert.Equal("Data kelahiran keliru.", revoked.RevocationReason);
        var kepalaId = await UserIdAsync(Kepala);
        var audit = await AuditAsync(reference);
        Assert.Single(audit, a => a.Action == AuditAction.DocumentRevoked && a.ActorUserId == kepalaId);
        var citizenId = await UserIdAsync(citizen.Email);
        Assert.True(await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Notifications
            .AnyAsync(n => n.UserId == citizenId && n.Kind == NotificationKind.DocumentRevoked)));

        var after = await visitor.GetPageAsync($"{VerifyUrl}/{code}?culture=id"); // the visitor chose English above
        Assert.Equal("revoked", after.Document.QuerySelector("#verify-verdict")?.GetAttribute("data-status"));
        Assert.Equal(T.Id("Verify.Revoked.Title"), after.Text(".verify-verdict__title"));
        Assert.DoesNotContain("Data kelahiran keliru.", after.Html, StringComparison.Ordinal); // the reason is for the holder, not the public

        // Revoking twice: refused.
        var twice = await kepala.GetPageAsync(RevokeUrl(reference));
        Assert.False(twice.Has("#revoke-form"));
        var again = await PortalClient.ReadPageAsync(await PostRawAsync(kepala, twice, RevokeUrl(reference), 0, ("alasan", "Sekali lagi.")), HttpStatusCode.Conflict);
        Assert.Contains(T.Id("Documents.Officer.AlreadyRevoked"), again.ErrorSummary);
        Assert.Equal("Data kelahiran keliru.", (await DocumentAsync(reference))!.RevocationReason);

        // Every check was logged (the valid one, the English one, the revoked one), with no client address in clear.
        var checks = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.DocumentVerified && a.SubjectId == document.Id).ToListAsync());
        Assert.Equal(3, checks.Count);
        Assert.All(checks, c => Assert.DoesNotContain("127.0.0.1", c.Detail ?? "", StringComparison.Ordinal));
    }

    [PortalFact]
    public async Task An_unknown_or_malformed_code_is_answered_plainly()
    {
        var visitor = NewClient();
        var unknown = await visitor.GetPageAsync($"{VerifyUrl}/ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        Assert.Equal("unknown", unknown.Document.QuerySelector("#verify-verdict")?.GetAttribute("data-status"));
        Assert.Contains("tidak dikenal", unknown.Text(".verify-verdict__title"), StringComparison.OrdinalIgnoreCase);
        Assert.False(unknown.Has("#verify-details"));

        var malformed = await PortalClient.ReadPageAsync(await visitor.GetAsync($"{VerifyUrl}?kode=ABC"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("Verify.Error.CodeFormat"), malformed.Text("#kode-error"));
        Assert.Equal("ABC", malformed.FieldValue("kode"));
    }

    [PortalFact]
    public async Task An_uploaded_pdf_is_authentic_only_if_it_is_byte_for_byte_the_issued_one()
    {
        var (client, citizen, reference) = await IssuedAktaAsync();
        byte[] original;
        using (var download = await client.GetAsync(DownloadUrl(reference)))
            original = await PdfAsync(download);
        var visitor = NewClient();

        var authentic = await PortalClient.ReadPageAsync(await UploadAsync(visitor, new FileUpload("berkas", "akta.pdf", original, "application/pdf")));
        Assert.Equal("true", authentic.Document.QuerySelector("#verify-file")?.GetAttribute("data-authentic"));
        Assert.Equal("valid", authentic.Document.QuerySelector("#verify-verdict")?.GetAttribute("data-status"));
        Assert.Equal(citizen.MaskedNik, authentic.Text("#verify-nik"));

        // One byte changed (inside the content, not the header): not authentic, with a clear message.
        var tampered = (byte[])original.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        var forged = await PortalClient.ReadPageAsync(await UploadAsync(visitor, new FileUpload("berkas", "akta.pdf", tampered, "application/pdf")));
        Assert.Equal("false", forged.Document.QuerySelector("#verify-file")?.GetAttribute("data-authentic"));
        Assert.Equal(T.Id("Verify.File.NotAuthentic.Title"), forged.Text(".verify-verdict__title"));
        Assert.False(forged.Has("#verify-details"));

        // Not a PDF at all (a PNG named .pdf): 422 with the reason beside the file field.
        var notPdf = await PortalClient.ReadPageAsync(await UploadAsync(visitor, new FileUpload("berkas", "akta.pdf", FileUpload.PngBytes, "application/pdf")), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("Verify.Error.NotPdf"), notPdf.Text("#berkas-error"));

        // No file chosen: 422 too.
        var none = await PortalClient.ReadPageAsync(await visitor.SubmitMultipartAsync(await visitor.GetPageAsync(VerifyUrl), "/verifikasi/berkas"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(T.Id("Verify.Error.FileMissing"), none.Text("#berkas-error"));
    }

}

[Collection(SqlitePortalCollection.Name)]
public sealed class DocumentsOnSqlite(SqlitePortalFixture portal) : DocumentTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class DocumentsOnPostgreSql(PostgreSqlPortalFixture portal) : DocumentTests(portal);

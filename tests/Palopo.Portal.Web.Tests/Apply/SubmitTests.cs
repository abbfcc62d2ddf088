using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Apply;

/// <summary>
/// Submitting the birth-certificate form with its documents: the confirmation (GOV.UK pattern),
/// the printable receipt, the stored files and the mail; and a form sent twice makes one request.
/// </summary>
public abstract class SubmitTests(PortalFixture portal) : ApplyTestsBase(portal)
{
    private const string TrackingCodePattern = "^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$";

    [PortalFact]
    public async Task Complete_form_with_a_pdf_and_a_png_is_submitted_confirmed_stored_and_mailed()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var numberBefore = await LastReferenceNumberAsync();
        var form = await OpenFormAsync(client);

        using var response = await PostFormAsync(client, form, ValidAnswers(), RequiredDocuments());

        // 302 to /permohonan/PLP-YYYY-NNNNNN/terkirim, this year's next number.
        var reference = ReferenceFrom(response);
        Assert.Equal(ReferenceNumber.Format(Today.Year, numberBefore + 1), reference);
        var request = await RequestAsync(reference);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal(await UserIdAsync(citizen.Email), request.ApplicantUserId);
        Assert.Equal(RequestChannel.Online, request.Channel);
        Assert.Matches(TrackingCodePattern, request.TrackingCode);
        Assert.NotNull(request.DueOn);
        Assert.True(request.DueOn > Today, $"Due {request.DueOn} is not after today {Today}.");

        // The answers as typed (cleaned), the reporter's NIK as prefilled.
        Assert.Equal(citizen.Nik, request.Answers["nik_pelapor"]);
        Assert.Equal("Muhammad Fathir Ramadhan", request.Answers["nama_anak"]);
        Assert.Equal(MotherNik, request.Answers["nik_ibu"]);
        Assert.Equal(Citizen.Tompotikka, request.Answers["kelurahan_lahir"]);
        Assert.Equal("ya", request.Answers["orang_tua_menikah"]);

        // Confirmation page: reference number, tracking code, due date, what happens next.
        var confirmation = await client.GetPageAsync(Redirects.PathAndQuery(response.Headers.Location));
        Assert.Equal(T.Id("Confirm.Request.Title"), confirmation.Heading);
        Assert.Equal(reference, confirmation.Text("#reference-number"));
        Assert.Matches(@"^PLP-\d{4}-\d{6}$", confirmation.Text("#reference-number"));
        Assert.Equal(request.TrackingCode, confirmation.Text("#tracking-code"));
        Assert.Equal(8, confirmation.Text("#tracking-code").Length);
        var due = request.DueOn!.Value.ToString("dddd, d MMMM yyyy", CultureInfo.GetCultureInfo("id"));
        Assert.StartsWith(due, confirmation.Text("#due-date"), StringComparison.Ordinal);
        Assert.Contains(T.Id("Apply.ServiceDays", 5), confirmation.Text("#due-date"), StringComparison.Ordinal);
        Assert.Contains(T.Id("Confirm.Request.NextTitle"), confirmation.MainText, StringComparison.Ordinal);
        foreach (var step in new[] { "Confirm.Request.Next1", "Confirm.Request.Next2", "Confirm.Request.Next3" })
            Assert.Contains(T.Id(step), confirmation.MainText, StringComparison.Ordinal);
        Assert.Contains("Akta Kelahiran", confirmation.MainText, StringComparison.Ordinal);
        Assert.NotNull(confirmation.Document.QuerySelector($"a[href='/permohonan/{reference}']"));
        Assert.NotNull(confirmation.Document.QuerySelector($"a[href='/permohonan/{reference}/tanda-terima']"));
        Assert.DoesNotContain(citizen.Nik, confirmation.Html, StringComparison.Ordinal);

        // The printable receipt: the same reference number and tracking code.
        var receipt = await client.GetPageAsync($"/permohonan/{reference}/tanda-terima");
        Assert.Equal(T.Id("Receipt.Title"), receipt.Heading);
        Assert.Contains(reference, receipt.MainText, StringComparison.Ordinal);
        Assert.Contains(request.TrackingCode!, receipt.MainText, StringComparison.Ordinal);
        Assert.Contains(request.DueOn.Value.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id")), receipt.MainText, StringComparison.Ordinal);
        Assert.Contains(T.Id("Receipt.Online"), receipt.MainText, StringComparison.Ordinal);

        // Both files stored in <data>/files under generated names, byte for byte; the citizen's names kept for display only.
        var documents = request.CurrentDocuments.OrderBy(d => d.RequirementKey, StringComparer.Ordinal).ToList();
        Assert.Equal([FamilyCard, BirthNotice], documents.Select(d => d.RequirementKey));
        AssertStored(documents[0], "kk-foto.png", "image/png", FileUpload.PngBytes, ".png");
        AssertStored(documents[1], "surat-keterangan-lahir.pdf", "application/pdf", FileUpload.PdfBytes, ".pdf");

        // A confirmation e-mail waits in the outbox for the citizen; an in-app notification too.
        var (mails, notifications) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.To == citizen.Email).ToListAsync();
            var notifications = await db.Notifications.AsNoTracking().Where(n => n.RequestId == request.Id).CountAsync();
            return (mails, notifications);
        });
        var mail = Assert.Single(mails, m => m.Subject.Contains(reference, StringComparison.Ordinal));
        Assert.Contains(reference, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.Nik, mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, notifications);

        // Applying again starts a fresh form, not the submitted one.
        var fresh = await OpenFormAsync(client);
        Assert.NotEqual(request.IdempotencyKey.ToString(), fresh.Form(ApplyUrl).QuerySelector("input[name=IdempotencyKey]")?.GetAttribute("value"));
        Assert.Null(fresh.FieldValue(Answer("nama_anak")));
        Assert.False(fresh.Has(".attached"));
    }

    [PortalFact]
    public async Task Confirmation_and_receipt_are_in_English_after_the_language_switch()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitValidAsync(client);
        var request = await RequestAsync(reference);

        var confirmation = await client.GetPageAsync($"/permohonan/{reference}/terkirim?culture=en");
        Assert.Equal(T.En("Confirm.Request.Title"), confirmation.Heading);
        Assert.Equal(reference, confirmation.Text("#reference-number"));
        Assert.StartsWith(request.DueOn!.Value.ToString("dddd, d MMMM yyyy", CultureInfo.GetCultureInfo("en")), confirmation.Text("#due-date"), StringComparison.Ordinal);
        Assert.Contains(T.En("Confirm.Request.Next2"), confirmation.MainText, StringComparison.Ordinal);

        var receipt = await client.GetPageAsync($"/permohonan/{reference}/tanda-terima");
        Assert.Equal(T.En("Receipt.Title"), receipt.Heading);
        Assert.Contains(request.TrackingCode!, receipt.MainText, StringComparison.Ordinal);
    }

    // ---------- the same form twice ----------

    [PortalFact]
    public async Task Same_form_posted_twice_gives_the_same_reference_and_one_request()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var numberBefore = await LastReferenceNumberAsync();
        var filesBefore = StoredFileCount();
        var form = await OpenFormAsync(client);

        using var first = await PostFormAsync(client, form, ValidAnswers(), RequiredDocuments());
        using var second = await PostFormAsync(client, form, ValidAnswers(), RequiredDocuments()); // browser retry, back-and-resubmit

        var reference = ReferenceFrom(first);
        Assert.Equal(reference, ReferenceFrom(second));
        var request = Assert.Single(await RequestsOfAsync(citizen.Email));
        Assert.Equal(reference, request.ReferenceNumber);
        Assert.Equal(2, request.Documents.Count);
        Assert.Equal(numberBefore + 1, await LastReferenceNumberAsync());
        Assert.Equal(filesBefore + 2, StoredFileCount());

        // The second answer is as good as the first: the confirmation opens.
        var confirmation = await client.GetPageAsync(Redirects.PathAndQuery(second.Headers.Location));
        Assert.Equal(reference, confirmation.Text("#reference-number"));
    }

    [PortalFact]
    public async Task Same_form_posted_twice_at_once_makes_one_request()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var numberBefore = await LastReferenceNumberAsync();
        var filesBefore = StoredFileCount();
        var form = await OpenFormAsync(client);

        var responses = await Task.WhenAll(
            PostFormAsync(client, form, ValidAnswers(), RequiredDocuments()),
            PostFormAsync(client, form, ValidAnswers(), RequiredDocuments()));
        try
        {
            var references = responses.Select(ReferenceFrom).ToList();
            Assert.Equal(references[0], references[1]);
            var request = Assert.Single(await RequestsOfAsync(citizen.Email));
            Assert.Equal(references[0], request.ReferenceNumber);
            Assert.Equal(RequestStatus.Submitted, request.Status);
            Assert.Equal(2, request.CurrentDocuments.Count());
            Assert.Equal(numberBefore + 1, await LastReferenceNumberAsync());
            // The loser's uploads were removed again: only the winner's two files remain.
            Assert.Equal(filesBefore + 2, StoredFileCount());
        }
        finally
        {
            foreach (var response in responses)
                response.Dispose();
        }
    }

    [PortalFact]
    public async Task Saved_draft_submitted_twice_at_once_gets_one_reference_number()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var draftAnswers = ValidAnswers();
        draftAnswers["aksi"] = "simpan";
        using (var save = await PostFormAsync(client, await OpenFormAsync(client), draftAnswers, RequiredDocuments()))
            Assert.Equal(T.Id("Apply.DraftSaved"), (await PortalClient.ReadPageAsync(save)).Text(".notice--success"));
        var numberBefore = await LastReferenceNumberAsync();
        var filesBefore = StoredFileCount();
        var resumed = await OpenFormAsync(client);
        var submit = new Dictionary<string, string?> { ["aksi"] = "kirim" };

        var responses = await Task.WhenAll(PostFormAsync(client, resumed, submit), PostFormAsync(client, resumed, submit));
        try
        {
            var references = responses.Select(ReferenceFrom).ToList();
            Assert.Equal(references[0], references[1]);
            var request = Assert.Single(await RequestsOfAsync(citizen.Email));
            Assert.Equal(references[0], request.ReferenceNumber);
            Assert.Equal(RequestStatus.Submitted, request.Status);
            Assert.Equal(numberBefore + 1, await LastReferenceNumberAsync());
            Assert.Equal(2, request.CurrentDocuments.Count());
            Assert.Equal(filesBefore, StoredFileCount());
            var confirmation = await client.GetPageAsync($"/permohonan/{references[0]}/terkirim");
            Assert.Equal(request.TrackingCode, confirmation.Text("#tracking-code"));
        }
        finally
        {
            foreach (var response in responses)
                response.Dispose();
        }
    }

    // ---------- helpers ----------

    private void AssertStored(RequestDocument document, string uploadedName, string contentType, byte[] content, string extension)
    {
        Assert.Equal(uploadedName, document.FileName);
        Assert.Equal(contentType, document.ContentType);
        Assert.Equal(content.Length, document.SizeBytes);
        Assert.Matches(@"^\d{4}/\d{2}/[0-9a-f]{32}\" + extension + "$", document.StoredName);
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(uploadedName), document.StoredName, StringComparison.Ordinal);
        var path = StoredPath(document.StoredName);
        Assert.True(File.Exists(path), $"{path} does not exist.");
        Assert.Equal(content, File.ReadAllBytes(path));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), document.Sha256);
        Assert.False(File.Exists(Path.Combine(App.DataPath, "files", uploadedName)));
    }

    private int StoredFileCount()
    {
        var root = Path.Combine(App.DataPath, "files");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length : 0;
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class SubmitOnSqlite(SqlitePortalFixture portal) : SubmitTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class SubmitOnPostgreSql(PostgreSqlPortalFixture portal) : SubmitTests(portal);

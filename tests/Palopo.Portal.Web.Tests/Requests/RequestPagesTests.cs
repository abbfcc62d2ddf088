using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Requests;

/// <summary>/permohonan and /permohonan/{ref}: a citizen's own requests, their timeline and legal clock, and nobody else's.</summary>
public abstract class RequestPagesTests(PortalFixture portal) : RequestTestsBase(portal)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id");

    [PortalFact]
    public async Task My_requests_lists_a_submitted_request_and_a_draft_newest_first()
    {
        var (client, _) = await SignedInCitizenAsync();
        // A draft of another service, then a submitted request.
        var draftForm = await client.GetPageAsync("/layanan/akta-kelahiran/ajukan");
        using (var saved = await client.SubmitMultipartAsync(draftForm, "/layanan/akta-kelahiran/ajukan",
                   new Dictionary<string, string?> { ["Answers[nama_anak]"] = "Budi", ["aksi"] = "simpan" }, []))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var reference = await SubmitDomisiliAsync(client);
        var due = (await LoadRequestAsync(reference)).DueOn!.Value;

        var page = await client.GetPageAsync("/permohonan");

        Assert.Equal(T.Id("Requests.Title"), page.Heading);
        var items = page.Document.QuerySelectorAll(".request-item").ToList();
        Assert.Equal(2, items.Count);
        var first = Collapse(items[0].TextContent);
        Assert.Contains("Surat Keterangan Domisili", first, StringComparison.Ordinal);
        Assert.Contains(reference, first, StringComparison.Ordinal);
        Assert.Equal($"/permohonan/{reference}", items[0].QuerySelector(".request-title a")!.GetAttribute("href"));
        Assert.Equal(T.Id("Requests.Status.Submitted"), Collapse(items[0].QuerySelector(".badge")!.TextContent));
        Assert.Contains(T.Id("Requests.DueOn", due.ToString("d MMMM yyyy", Indonesian)), first, StringComparison.Ordinal);
        Assert.Contains(T.Id("Requests.Clock.NotStarted", 3), first, StringComparison.Ordinal); // submitted today: no working day used yet

        var second = Collapse(items[1].TextContent);
        Assert.Contains("Akta Kelahiran", second, StringComparison.Ordinal);
        Assert.Contains(T.Id("Requests.Draft"), second, StringComparison.Ordinal);
        Assert.Equal("/layanan/akta-kelahiran/ajukan", items[1].QuerySelector(".request-continue")!.GetAttribute("href"));
        Assert.Null(items[1].QuerySelector(".request-title a"));
    }

    [PortalFact]
    public async Task My_requests_without_any_shows_the_way_to_the_catalogue()
    {
        var (client, _) = await SignedInCitizenAsync();

        var page = await client.GetPageAsync("/permohonan");

        Assert.Contains(T.Id("Requests.Empty"), page.Text("#no-requests"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#no-requests a[href='/layanan']"));
    }

    [PortalFact]
    public async Task My_requests_shows_20_a_page_newest_first()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var userId = await UserIdAsync(citizen.Email);
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var service = await db.Services.SingleAsync(x => x.Slug == Service);
            var form = await db.ServiceFormVersions.Where(f => f.ServiceId == service.Id).OrderByDescending(f => f.Version).FirstAsync();
            var start = DateTime.UtcNow.AddDays(-1);
            for (var i = 0; i < 21; i++)
            {
                db.ServiceRequests.Add(ServiceRequest.StartDraft(service.Id, service.AgencyId, form.Id, service.ServiceDays, userId, RequestChannel.Online,
                    Guid.NewGuid(), new Actor(userId, citizen.FullName, "Citizen"), start.AddMinutes(i)));
            }

            return await db.SaveChangesAsync();
        });

        var first = await client.GetPageAsync("/permohonan");
        Assert.Equal(20, first.Document.QuerySelectorAll(".request-item").Length);
        Assert.Equal("/permohonan?halaman=2", first.Document.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.Document.QuerySelector(".pager a[rel=prev]"));

        var second = await client.GetPageAsync("/permohonan?halaman=2");
        Assert.Single(second.Document.QuerySelectorAll(".request-item"));
        Assert.Equal("/permohonan", second.Document.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.Document.QuerySelector(".pager a[rel=next]"));
    }

    [PortalFact]
    public async Task My_requests_asks_a_visitor_to_sign_in()
    {
        using var response = await NewClient().GetAsync("/permohonan");
        Redirects.AssertRedirect(response, "/akun/masuk?kembali=%2Fpermohonan");
    }

    [PortalFact]
    public async Task Request_page_shows_day_X_of_N_the_due_date_the_timeline_answers_and_documents()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        var due = await StartClockWorkingDaysAgoAsync(reference, 2);

        var page = await client.GetPageAsync($"/permohonan/{reference}");

        Assert.Equal("Surat Keterangan Domisili", page.Heading);
        Assert.Equal(reference, page.Text("#reference-number"));
        Assert.Equal(T.Id("Requests.Status.Submitted"), page.Text("#status .badge"));
        Assert.Equal("Hari ke-2 dari 3 hari kerja", page.Text("#legal-clock .clock"));
        Assert.Equal(T.Id("Requests.Clock.Due", due.ToString("dddd, d MMMM yyyy", Indonesian)), page.Text("#due-date"));
        Assert.False(page.Has("#overdue"));

        var timeline = page.Document.QuerySelectorAll("#timeline li").Select(li => Collapse(li.TextContent)).ToList();
        Assert.Equal(2, timeline.Count);
        Assert.Contains(T.Id("Requests.Event.Created"), timeline[0], StringComparison.Ordinal);
        Assert.Contains(T.Id("Requests.Event.To.Submitted"), timeline[1], StringComparison.Ordinal);
        Assert.Contains(T.Id("Requests.Timeline.ByYou"), timeline[1], StringComparison.Ordinal);
        Assert.Contains("WITA", timeline[1], StringComparison.Ordinal);

        // Answers read-only, with the request's own form; the NIK masked.
        var answers = page.Text("#answers");
        Assert.Contains(Address, answers, StringComparison.Ordinal);
        Assert.Contains("Urusan bank", answers, StringComparison.Ordinal);
        Assert.Contains(citizen.MaskedNik, answers, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.Nik, page.Html, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("#answers input, #answers select, #answers textarea"));

        var documents = page.Document.QuerySelectorAll("#documents a").Select(a => (Collapse(a.TextContent), a.GetAttribute("href"))).ToList();
        Assert.Equal(["ktp.pdf", "pengantar-rt.png"], documents.Select(d => d.Item1));
        Assert.All(documents, d => Assert.StartsWith($"/permohonan/{reference}/berkas/", d.Item2, StringComparison.Ordinal));
        Assert.NotNull(page.Document.QuerySelector($"a[href='/permohonan/{reference}/tanda-terima']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='/permohonan/{reference}/tarik']"));
    }

    [PortalFact]
    public async Task Request_page_is_in_English_after_the_language_switch()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        await StartClockWorkingDaysAgoAsync(reference, 1);

        var page = await client.GetPageAsync($"/permohonan/{reference}?culture=en");

        Assert.Equal("en", page.Language);
        Assert.Equal("Proof of Residence Letter", page.Heading);
        Assert.Equal("Day 1 of 3 working days", page.Text("#legal-clock .clock"));
        Assert.Equal(T.En("Requests.Status.Submitted"), page.Text("#status .badge"));
        Assert.Contains("Request submitted by you", page.Text("#timeline"), StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task A_request_past_its_due_date_is_flagged_overdue_on_both_pages()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        await StartClockWorkingDaysAgoAsync(reference, 5); // 3 working days allowed

        var page = await client.GetPageAsync($"/permohonan/{reference}");
        Assert.Equal("Hari ke-5 dari 3 hari kerja", page.Text("#legal-clock .clock"));
        Assert.Contains(T.Id("Requests.Clock.OverdueShort"), page.Text("#overdue"), StringComparison.Ordinal);

        var list = await client.GetPageAsync("/permohonan");
        var item = list.Document.QuerySelector($".request-item[data-reference='{reference}']")!;
        Assert.Contains("request-item--overdue", item.ClassName, StringComparison.Ordinal);
        Assert.Equal(T.Id("Requests.Clock.OverdueShort"), Collapse(item.QuerySelector(".overdue-flag")!.TextContent));
    }

    [PortalFact]
    public async Task Timeline_names_officers_by_role_and_never_shows_internal_notes()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        var officerId = await UserIdAsync(Officer);
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var request = await db.ServiceRequests.SingleAsync(r => r.ReferenceNumber == reference);
            var officer = new Actor(officerId, OfficerName, "Officer");
            request.Assign(officerId, officer, DateTime.UtcNow);
            request.AddNote("Catatan internal: cek ulang ke kelurahan, jangan ditampilkan.", isInternal: true, officer, DateTime.UtcNow);
            request.AddNote("Berkas Anda sedang kami cocokkan dengan data kelurahan.", isInternal: false, officer, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var page = await client.GetPageAsync($"/permohonan/{reference}");

        var timeline = page.Text("#timeline");
        Assert.Contains(T.Id("Requests.Event.To.InReview"), timeline, StringComparison.Ordinal);
        Assert.Contains($"oleh petugas {OfficerName}", timeline, StringComparison.Ordinal);
        Assert.Contains("Berkas Anda sedang kami cocokkan dengan data kelurahan.", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("Catatan internal", page.Html, StringComparison.Ordinal);
        Assert.Equal(T.Id("Requests.Status.InReview"), page.Text("#status .badge"));
    }

    [PortalFact]
    public async Task Another_citizens_request_and_documents_answer_404()
    {
        var (owner, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(owner);
        var document = (await LoadRequestAsync(reference)).Documents.First();
        var (other, _) = await SignedInCitizenAsync();

        foreach (var url in new[]
                 {
                     $"/permohonan/{reference}", $"/permohonan/{reference.ToLowerInvariant()}", $"/permohonan/{reference}/perbaiki",
                     $"/permohonan/{reference}/tarik", $"/permohonan/{reference}/berkas/{document.Id}", $"/permohonan/{reference}/tanda-terima",
                     "/permohonan/PLP-2099-999999", "/permohonan/bukan-nomor", $"/permohonan/{reference}/berkas/{Guid.NewGuid()}",
                 })
        {
            await AssertNotFoundAsync(other, url);
        }

        // Not even with a valid token: withdrawing someone else's request finds nothing and changes nothing.
        var ownPage = await other.GetPageAsync("/permohonan");
        var tokenPage = await other.GetPageAsync("/lacak");
        using var response = await other.PostAsync($"/permohonan/{reference}/tarik",
        [
            new("__RequestVerificationToken", FormFields.Of(tokenPage.Form("/lacak")).Single(f => f.Key == "__RequestVerificationToken").Value),
            new("Reason", "iseng"),
        ]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(RequestStatus.Submitted, (await LoadRequestAsync(reference)).Status);
        Assert.DoesNotContain(reference, ownPage.MainText, StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task A_document_downloads_to_its_owner_as_an_attachment_with_nosniff()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        var document = (await LoadRequestAsync(reference)).Documents.Single(d => d.RequirementKey == "ktp");
        // A name with a character outside ASCII, as a phone's file picker may give (set directly: the upload path is tested elsewhere).
        await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().RequestDocuments
            .Where(d => d.Id == document.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.FileName, "KTP Siti Aminah – asli.pdf")));

        using var response = await client.GetAsync($"/permohonan/{reference}/berkas/{document.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("KTP Siti Aminah – asli.pdf", disposition.FileNameStar);
        Assert.DoesNotContain("–", disposition.FileName, StringComparison.Ordinal); // the plain filename= is ASCII (RFC 6266)
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(FileUpload.PdfBytes, await response.Content.ReadAsByteArrayAsync());

        // The same document under another of the owner's references is not found either.
        var second = await SubmitDomisiliAsync(client);
        await AssertNotFoundAsync(client, $"/permohonan/{second}/berkas/{document.Id}");
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

[Collection(SqlitePortalCollection.Name)]
public sealed class RequestPagesOnSqlite(SqlitePortalFixture portal) : RequestPagesTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class RequestPagesOnPostgreSql(PostgreSqlPortalFixture portal) : RequestPagesTests(portal);

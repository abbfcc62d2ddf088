using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Calendar;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Calendar;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Requests;

/// <summary>A file a test uploads: field name (doc_{key}), file name, bytes, declared type.</summary>
public sealed record Upload(string Field, string FileName, byte[] Content, string ContentType)
{
    public static Upload Pdf(string requirementKey, string fileName = "berkas.pdf") =>
        new("doc_" + requirementKey, fileName, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(), "application/pdf");

    public static Upload Png(string requirementKey, string fileName = "foto.png") =>
        new("doc_" + requirementKey, fileName, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8], "image/png");
}

/// <summary>
/// Journeys the request tests start from: a signed-in citizen who has applied for a surat
/// keterangan domisili (a short Disdukcapil form with two documents) through the real apply form,
/// and officer actions done through the Application layer until the officer screens exist.
/// </summary>
public abstract class RequestTestsBase(PortalFixture portal) : PortalTests(portal)
{
    public const string Service = "surat-keterangan-domisili";
    public const string ApplyUrl = "/layanan/surat-keterangan-domisili/ajukan";
    public const string Officer = "petugas.disdukcapil@palopo.test";
    public const string OfficerName = "Rahmat Hidayat";
    public const string OtherAgencyOfficer = "petugas.dpmptsp@palopo.test";
    public const string Address = "Jl. Andi Djemma No. 12";

    /// <summary>A new citizen of Palopo, registered, confirmed and signed in on a fresh client.</summary>
    protected async Task<(PortalClient Client, Citizen Citizen)> SignedInCitizenAsync()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();
        await SignInAsync(client, citizen.Email, citizen.Password);
        return (client, citizen);
    }

    /// <summary>Fills in and submits the domisili form with both documents; returns the reference number.</summary>
    protected async Task<string> SubmitDomisiliAsync(PortalClient client, string ktpFileName = "ktp.pdf")
    {
        var form = await client.GetPageAsync(ApplyUrl);
        using var response = await PostMultipartAsync(client, form, ApplyUrl, new Dictionary<string, string?>
        {
            ["Answers[alamat_domisili]"] = Address,
            ["Answers[rt_rw]"] = "002/005",
            ["Answers[tinggal_sejak]"] = "2020-03-01",
            ["Answers[keperluan]"] = "bank",
            ["aksi"] = "kirim",
        }, [Upload.Pdf("ktp", ktpFileName), Upload.Png("surat_pengantar_rt", "pengantar-rt.png")]);
        var location = Redirects.AssertRedirect(response);
        Assert.Matches(@"^/permohonan/PLP-\d{4}-\d{6}/terkirim$", location);
        return location.Split('/')[2];
    }

    /// <summary>
    /// Posts the form of <paramref name="page"/> posting to <paramref name="action"/> as multipart
    /// (as a browser does for a form with file inputs): its fields, <paramref name="fields"/> laid over them, and the files.
    /// </summary>
    protected static async Task<HttpResponseMessage> PostMultipartAsync(
        PortalClient client, HtmlPage page, string action, IReadOnlyDictionary<string, string?> fields, IReadOnlyList<Upload> files)
    {
        var values = FormFields.Of(page.Form(action));
        foreach (var (name, value) in fields)
        {
            values.RemoveAll(f => f.Key == name);
            if (value is not null)
                values.Add(new(name, value));
        }

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
            content.Add(new StringContent(value), name);
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.Field, file.FileName);
        }

        return await client.Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    // ---------- the database and the Application layer ----------

    protected Task<ServiceRequest> LoadRequestAsync(string reference) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.AsNoTracking()
            .Include(r => r.Documents).Include(r => r.Corrections).Include(r => r.Events)
            .SingleAsync(r => r.ReferenceNumber == reference));

    protected async Task<Guid> UserIdAsync(string email) => (await FindUserAsync(email))!.Id;

    protected async Task<RequestActionResult> SendBackAsync(string reference, string officerEmail, params CorrectionRequestItem[] items)
    {
        var request = await LoadRequestAsync(reference);
        var officer = await UserIdAsync(officerEmail);
        return await InScopeAsync(sp => sp.GetRequiredService<SendBackRequest>()
            .HandleAsync(new SendBackCommand(request.Id, items), officer, CancellationToken.None));
    }

    protected async Task<RequestActionResult> ApproveStepAsync(string reference, string officerEmail = Officer)
    {
        var request = await LoadRequestAsync(reference);
        var officer = await UserIdAsync(officerEmail);
        return await InScopeAsync(sp => sp.GetRequiredService<ApproveRequestStep>()
            .HandleAsync(new ApproveStepCommand(request.Id, null), officer, CancellationToken.None));
    }

    protected Task<WorkingCalendar> CalendarAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<WorkingCalendarProvider>().GetAsync(CancellationToken.None));

    protected static DateOnly Today => PalopoTime.Today(TimeProvider.System);

    /// <summary>
    /// Moves the request's clock back so that <paramref name="workingDaysUsed"/> working days have
    /// passed by today, with the due date where submission on that day would have put it.
    /// </summary>
    protected async Task<DateOnly> StartClockWorkingDaysAgoAsync(string reference, int workingDaysUsed)
    {
        var calendar = await CalendarAsync();
        var day = Today;
        var counted = 0;
        while (true)
        {
            if (calendar.IsWorkingDay(day) && ++counted == workingDaysUsed)
                break;
            day = day.AddDays(-1);
        }

        var start = day.AddDays(-1);
        Assert.Equal(workingDaysUsed, calendar.WorkingDaysBetween(start, Today));
        var request = await LoadRequestAsync(reference);
        var due = calendar.AddWorkingDays(start, request.ServiceDays);
        await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests
            .Where(r => r.ReferenceNumber == reference)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClockStartedOn, start).SetProperty(r => r.DueOn, due)));
        return due;
    }

    protected static async Task AssertNotFoundAsync(PortalClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url}: expected 404, got {(int)response.StatusCode}.");
    }
}

using System.Net;
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
        using var response = await client.SubmitMultipartAsync(form, ApplyUrl, new Dictionary<string, string?>
        {
            ["Answers[alamat_domisili]"] = Address,
            ["Answers[rt_rw]"] = "002/005",
            ["Answers[tinggal_sejak]"] = "2020-03-01",
            ["Answers[keperluan]"] = "bank",
            ["aksi"] = "kirim",
        }, [FileUpload.Pdf("doc_ktp", ktpFileName), FileUpload.Png("doc_surat_pengantar_rt", "pengantar-rt.png")]);
        var location = Redirects.AssertRedirect(response);
        Assert.Matches(@"^/permohonan/PLP-\d{4}-\d{6}/terkirim$", location);
        return location.Split('/')[2];
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

using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Apply;

/// <summary>
/// What the apply tests share: the birth-certificate form (akta kelahiran: child, mother, father,
/// reporter, witnesses, three documents), a complete set of valid answers, signed-in citizens, and
/// questions to the database about what an application left behind.
/// </summary>
public abstract class ApplyTestsBase(PortalFixture portal) : PortalTests(portal)
{
    public const string Slug = "akta-kelahiran";
    public const string ApplyUrl = "/layanan/akta-kelahiran/ajukan";

    /// <summary>Where a submitted form redirects: /permohonan/PLP-YYYY-NNNNNN/terkirim.</summary>
    public const string ConfirmationPattern = @"^/permohonan/(PLP-\d{4}-\d{6})/terkirim$";

    public const string BirthNotice = "surat_lahir";
    public const string FamilyCard = "kartu_keluarga";
    public const string MarriageBook = "buku_nikah";

    /// <summary>A woman's NIK (day of birth + 40), a man's, and two witnesses': all valid, all Palopo.</summary>
    public const string MotherNik = "7373014505950003";
    public const string FatherNik = "7373011203900004";
    public const string Witness1Nik = "7373020101800005";
    public const string Witness2Nik = "7373030202850006";

    protected static DateOnly Today => PalopoTime.Today(TimeProvider.System);

    protected static string Answer(string key) => $"Answers[{key}]";

    /// <summary>Every question of the birth-certificate form answered, validly (the reporter's NIK is left as prefilled).</summary>
    protected static Dictionary<string, string?> ValidAnswers() => new()
    {
        [Answer("nama_anak")] = "Muhammad Fathir Ramadhan",
        [Answer("jenis_kelamin_anak")] = "L",
        [Answer("tanggal_lahir_anak")] = Today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [Answer("tempat_lahir_anak")] = "RSUD Sawerigading Palopo",
        [Answer("kelurahan_lahir")] = Citizen.Tompotikka,
        [Answer("anak_ke")] = "2",
        [Answer("berat_lahir_gram")] = "3200",
        [Answer("nik_ibu")] = MotherNik,
        [Answer("nama_ibu")] = "Sitti Aisyah",
        [Answer("nik_ayah")] = FatherNik,
        [Answer("nama_ayah")] = "Andi Baso Mappanyukki",
        [Answer("orang_tua_menikah")] = "ya",
        [Answer("hubungan_pelapor")] = "ayah",
        [Answer("nik_saksi1")] = Witness1Nik,
        [Answer("nama_saksi1")] = "Muh. Arfah",
        [Answer("nik_saksi2")] = Witness2Nik,
        [Answer("nama_saksi2")] = "Hj. Nurhayati",
        ["aksi"] = "kirim",
    };

    /// <summary>The two required documents: the birth notice as a PDF, the family card as a PNG photo.</summary>
    protected static List<FileUpload> RequiredDocuments() =>
    [
        FileUpload.Pdf("doc_" + BirthNotice, "surat-keterangan-lahir.pdf"),
        FileUpload.Png("doc_" + FamilyCard, "kk-foto.png"),
    ];

    /// <summary>A new citizen of Palopo, registered, confirmed and signed in on a fresh client.</summary>
    protected async Task<(PortalClient Client, Citizen Citizen)> SignedInCitizenAsync(Citizen? citizen = null)
    {
        citizen ??= Citizen.New();
        var registering = NewClient();
        await ConfirmAsync(registering, await RegisterAsync(registering, citizen));
        var client = NewClient();
        await SignInAsync(client, citizen.Email, citizen.Password);
        return (client, citizen);
    }

    /// <summary>GETs the apply form (200) at <paramref name="url"/>.</summary>
    protected static Task<HtmlPage> OpenFormAsync(PortalClient client, string url = ApplyUrl) => client.GetPageAsync(url);

    /// <summary>Posts <paramref name="form"/> back with <paramref name="fields"/> and <paramref name="files"/>.</summary>
    protected static Task<HttpResponseMessage> PostFormAsync(
        PortalClient client, HtmlPage form, IReadOnlyDictionary<string, string?> fields, IReadOnlyList<FileUpload>? files = null) =>
        client.SubmitMultipartAsync(form, ApplyUrl, fields, files);

    /// <summary>Opens the form, submits every valid answer and both required documents; returns the reference number.</summary>
    protected static async Task<string> SubmitValidAsync(PortalClient client)
    {
        var form = await OpenFormAsync(client);
        using var response = await PostFormAsync(client, form, ValidAnswers(), RequiredDocuments());
        return ReferenceFrom(response);
    }

    /// <summary>The reference number a 302 to the confirmation page carries.</summary>
    protected static string ReferenceFrom(HttpResponseMessage response)
    {
        var location = Redirects.AssertRedirect(response);
        var match = System.Text.RegularExpressions.Regex.Match(location, ConfirmationPattern);
        Assert.True(match.Success, $"Expected a redirect to the confirmation page, got {location}.");
        return match.Groups[1].Value;
    }

    /// <summary>Reads a form re-shown because of bad input: status 422, the error summary present.</summary>
    protected static async Task<HtmlPage> ReadInvalidAsync(HttpResponseMessage response)
    {
        var page = await PortalClient.ReadPageAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(page.ErrorSummary);
        return page;
    }

    /// <summary>The value of the checked radio button named <paramref name="name"/>, or null.</summary>
    protected static string? CheckedValue(HtmlPage page, string name) =>
        page.Document.QuerySelectorAll("input[type=radio]")
            .FirstOrDefault(r => r.GetAttribute("name") == name && r.HasAttribute("checked"))
            ?.GetAttribute("value");

    protected static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // ---------- the database ----------

    protected async Task<Guid> UserIdAsync(string email) => (await FindUserAsync(email))!.Id;

    /// <summary>Every request (drafts included) of the citizen, with its documents.</summary>
    protected async Task<List<ServiceRequest>> RequestsOfAsync(string email)
    {
        var userId = await UserIdAsync(email);
        return await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.AsNoTracking()
            .Include(r => r.Documents)
            .Where(r => r.ApplicantUserId == userId)
            .ToListAsync());
    }

    protected Task<ServiceRequest> RequestAsync(string reference) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.AsNoTracking()
            .Include(r => r.Documents)
            .SingleAsync(r => r.ReferenceNumber == reference));

    /// <summary>The last reference number given out this year (0 before the first).</summary>
    protected Task<int> LastReferenceNumberAsync() =>
        InScopeAsync(async sp => await sp.GetRequiredService<PortalDbContext>().ReferenceCounters.AsNoTracking()
            .Where(c => c.Year == Today.Year)
            .Select(c => (int?)c.LastNumber)
            .SingleOrDefaultAsync() ?? 0);

    /// <summary>The birth-certificate form as the database holds it (its current version).</summary>
    protected Task<FormDefinition> BirthCertificateFormAsync() =>
        InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var service = await db.Services.AsNoTracking().SingleAsync(s => s.Slug == Slug);
            var form = await db.ServiceFormVersions.AsNoTracking()
                .SingleAsync(f => f.ServiceId == service.Id && f.Version == service.CurrentFormVersion);
            return form.Definition;
        });

    /// <summary>The full path of a stored file in the data folder's "files" directory.</summary>
    protected string StoredPath(string storedName) => Path.Combine(App.DataPath, "files", storedName);

    protected static IElement Element(HtmlPage page, string selector)
    {
        var element = page.Document.QuerySelector(selector);
        Assert.True(element is not null, $"No element matches '{selector}' on {page.Path}.");
        return element;
    }
}

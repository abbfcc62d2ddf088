using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Officer;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Admin;

/// <summary>
/// What the catalogue admin tests share: a signed-in admin (with TOTP), new services of their own
/// (tests never change the seeded ones other classes rely on), and posting the editors' buttons.
/// </summary>
public abstract class AdminCatalogueTestsBase(PortalFixture portal) : ReviewTestsBase(portal)
{
    public const string AdminEmail = "admin@palopo.test";

    protected Task<PortalClient> AdminAsync() => StaffAsync(AdminEmail);

    protected static string NewSlug(string stem) => $"{stem}-{Guid.NewGuid():N}"[..(stem.Length + 9)];

    protected Task<Guid> AgencyIdAsync(string code) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    protected Task<Service?> ServiceAsync(string slug) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Services.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == slug));

    protected Task<List<AuditEntry>> AuditOfAsync(string reference) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Reference == reference).OrderBy(a => a.AtUtc).ToListAsync());

    protected async Task<Dictionary<string, string?>> ServiceFieldsAsync(string slug, string name = "Izin Uji Coba") => new()
    {
        ["Slug"] = slug,
        ["AgencyId"] = (await AgencyIdAsync("disdukcapil")).ToString(),
        ["NameId"] = name,
        ["NameEn"] = "Test permit",
        ["SummaryId"] = "Ringkasan layanan uji.",
        ["DescriptionId"] = "Uraian baris satu.\nBaris dua.",
        ["LifeEvent"] = nameof(LifeEvent.BusinessAndPermits),
        ["Fee"] = "0",
        ["ServiceDays"] = "5",
        ["SortOrder"] = "900",
        ["Issuance"] = nameof(IssuanceMode.Automatic),
        ["Courses"] = "",
    };

    /// <summary>Creates a Disdukcapil service through the admin form; asserts the redirect to its admin page.</summary>
    protected async Task<string> CreateServiceAsync(PortalClient admin, string? slug = null, string name = "Izin Uji Coba")
    {
        slug ??= NewSlug("uji");
        var form = await admin.GetPageAsync("/admin/layanan/baru");
        using var response = await admin.SubmitAsync(form, "/admin/layanan/baru", await ServiceFieldsAsync(slug, name));
        Redirects.AssertRedirect(response, $"/admin/layanan/{slug}");
        return slug;
    }

    /// <summary>Presses a button of the form editor (aksi) over the page's current state plus <paramref name="fields"/>.</summary>
    protected static Task<HttpResponseMessage> PressAsync(PortalClient admin, HtmlPage editor, string url, string action, IReadOnlyDictionary<string, string?>? fields = null)
    {
        var values = new Dictionary<string, string?>(fields ?? new Dictionary<string, string?>()) { ["aksi"] = action };
        return admin.SubmitAsync(editor, url, values);
    }

    /// <summary>A form with one section of two questions (a text and a choice) and one optional PDF document.</summary>
    protected static Dictionary<string, string?> TwoFieldForm(string textLabel = "Nama usaha") => new()
    {
        ["Sections[0].Key"] = "usaha",
        ["Sections[0].TitleId"] = "Data usaha",
        ["Sections[0].TitleEn"] = "Business",
        ["Sections[0].Fields[0].Key"] = "nama_usaha",
        ["Sections[0].Fields[0].Type"] = nameof(FieldType.Text),
        ["Sections[0].Fields[0].LabelId"] = textLabel,
        ["Sections[0].Fields[0].LabelEn"] = "Business name",
        ["Sections[0].Fields[0].Required"] = "true",
        ["Sections[0].Fields[1].Key"] = "jenis",
        ["Sections[0].Fields[1].Type"] = nameof(FieldType.Choice),
        ["Sections[0].Fields[1].LabelId"] = "Jenis usaha",
        ["Sections[0].Fields[1].LabelEn"] = "Kind of business",
        ["Sections[0].Fields[1].Required"] = "true",
        ["Sections[0].Fields[1].Options"] = "dagang | Perdagangan | Trade\njasa | Jasa | Services",
        ["Documents[0].Key"] = "foto_lokasi",
        ["Documents[0].LabelId"] = "Foto lokasi usaha",
        ["Documents[0].LabelEn"] = "Photo of the premises",
        ["Documents[0].Types"] = nameof(DocumentFileType.Pdf),
        ["Documents[0].MaxSizeMb"] = "2",
    };

    protected static string FormUrl(string slug) => $"/admin/layanan/{slug}/formulir";

    /// <summary>Posts exactly <paramref name="fields"/> (whatever the editor showed before) with the button <paramref name="action"/>.</summary>
    protected static async Task<HttpResponseMessage> PostEditorStateAsync(PortalClient admin, string slug, string action, IReadOnlyDictionary<string, string?> fields)
    {
        var editor = await admin.GetPageAsync(FormUrl(slug));
        var token = editor.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("aksi", action) };
        values.AddRange(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));
        return await admin.PostAsync(FormUrl(slug), values);
    }

    /// <summary>Publishes exactly <paramref name="fields"/> as the service's form; asserts the redirect.</summary>
    protected static async Task PublishAsync(PortalClient admin, string slug, IReadOnlyDictionary<string, string?> fields)
    {
        using var response = await PostEditorStateAsync(admin, slug, "terbitkan", fields);
        Redirects.AssertRedirect(response, $"/admin/layanan/{slug}");
    }

    protected async Task<HtmlPage> ReadUnprocessableAsync(HttpResponseMessage response)
    {
        // A server error says why in the portal's log, not on its page.
        Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, string.Join("\n",
            Directory.EnumerateFiles(App.LogsDirectory).SelectMany(File.ReadLines).Where(l => l.Contains("[ERR]", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)).TakeLast(8)));
        var page = await PortalClient.ReadPageAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(page.ErrorSummary);
        return page;
    }
}

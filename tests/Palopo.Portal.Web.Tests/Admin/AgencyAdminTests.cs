using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Admin;

/// <summary>/admin/instansi: list, create, edit, an agency's services and staff, bad input.</summary>
public abstract class AgencyAdminTests(PortalFixture portal) : AdminCatalogueTestsBase(portal)
{
    [PortalFact]
    public async Task An_admin_creates_and_edits_an_agency_and_both_changes_are_audited()
    {
        var admin = await AdminAsync();
        var code = NewSlug("dinsos");
        var form = await admin.GetPageAsync("/admin/instansi/baru");
        using var created = await admin.SubmitAsync(form, "/admin/instansi/baru", new Dictionary<string, string?>
        {
            ["Code"] = code, ["Name"] = "Dinas Sosial", ["NameEn"] = "Social Affairs Agency", ["ShortName"] = "Dinsos", ["IsActive"] = "true",
        });
        var details = await admin.FollowAsync(created, $"/admin/instansi/{code}");
        Assert.Equal("Dinas Sosial", details.Heading);
        Assert.Equal(T.Id("AdminCatalogue.AgencyCreated", code), details.Notice);
        Assert.Contains("Dinas Sosial", (await admin.GetPageAsync("/admin/instansi")).Text("#agency-list"));

        var edit = await admin.GetPageAsync($"/admin/instansi/{code}/ubah");
        Assert.Equal("Dinsos", edit.FieldValue("ShortName"));
        using var saved = await admin.SubmitAsync(edit, $"/admin/instansi/{code}/ubah", new Dictionary<string, string?>
        {
            ["Name"] = "Dinas Sosial Kota Palopo", ["IsActive"] = null,
            ["Code"] = "ganti-kode", // not on the form; must not change anything
        });
        var after = await admin.FollowAsync(saved, $"/admin/instansi/{code}");
        Assert.Equal("Dinas Sosial Kota Palopo", after.Heading);
        Assert.Contains(T.Id("AdminCatalogue.Inactive"), after.Text("#agency-summary"));

        var agency = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.AsNoTracking().SingleAsync(a => a.Code == code));
        Assert.False(agency.IsActive);
        Assert.Equal("Dinas Sosial Kota Palopo", agency.Name);
        var audit = await AuditOfAsync(code);
        Assert.Equal([AuditAction.AgencyCreated, AuditAction.AgencyChanged], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(agency.Id, a.SubjectId));
    }

    [PortalFact]
    public async Task An_agency_page_lists_its_services_and_its_staff_with_roles()
    {
        var admin = await AdminAsync();
        var page = await admin.GetPageAsync("/admin/instansi/disdukcapil");
        Assert.Contains("/admin/layanan/akta-kelahiran", page.Document.QuerySelectorAll("#agency-services a").Select(a => a.GetAttribute("href")));
        var staff = page.Text("#agency-staff");
        Assert.Contains($"{OfficerName} — {T.Id("AdminCatalogue.Role.Officer")}", staff);
        Assert.Contains(T.Id("AdminCatalogue.Role.Supervisor"), staff);
        Assert.DoesNotContain("warga", staff, StringComparison.OrdinalIgnoreCase);
        await admin.GetPageAsync("/admin/instansi/tidak-ada", HttpStatusCode.NotFound);
    }

    [PortalFact]
    public async Task Bad_agency_input_is_shown_beside_its_field_and_nothing_is_saved()
    {
        var admin = await AdminAsync();
        var before = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.CountAsync());
        var cases = new (string Field, string? Value, string Error)[]
        {
            ("Code", "disdukcapil", T.Id("AdminCatalogue.Error.CodeTaken", "disdukcapil")),
            ("Code", "Dinas Sosial", T.Id("AdminCatalogue.Error.CodeFormat")),
            ("Code", "", T.Id("AdminCatalogue.Error.Required")),
            ("Name", "", T.Id("AdminCatalogue.Error.Required")),
            ("Name", new string('a', 201), T.Id("AdminCatalogue.Error.TooLong", 200)),
            ("Name", "Dinas\u0007Sosial", T.Id("AdminCatalogue.Error.ControlCharacters")),
            ("ShortName", "Din\nsos", T.Id("AdminCatalogue.Error.ControlCharacters")),
        };
        foreach (var (field, value, error) in cases)
        {
            var fields = new Dictionary<string, string?> { ["Code"] = NewSlug("dinas"), ["Name"] = "Dinas Baru", ["ShortName"] = "Baru", [field] = value };
            var form = await admin.GetPageAsync("/admin/instansi/baru");
            var page = await ReadUnprocessableAsync(await admin.SubmitAsync(form, "/admin/instansi/baru", fields));
            Assert.Equal(error, page.FieldError(field));
            if (value is { Length: > 0 and < 200 })
                Assert.Equal(value, page.FieldValue(field)); // the input is kept
        }

        var edit = await admin.GetPageAsync("/admin/instansi/dinkes/ubah");
        var refused = await ReadUnprocessableAsync(await admin.SubmitAsync(edit, "/admin/instansi/dinkes/ubah", new Dictionary<string, string?> { ["Name"] = " " }));
        Assert.Equal(T.Id("AdminCatalogue.Error.Required"), refused.FieldError("Name"));
        Assert.Equal(before, await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.CountAsync()));
        Assert.NotEqual("", await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.Where(a => a.Code == "dinkes").Select(a => a.Name).SingleAsync()));
    }
}

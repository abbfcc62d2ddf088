using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Admin;

/// <summary>/admin/layanan: create, edit, retire/reinstate (and the catalogue following), the workflow editor, bad input, who may enter.</summary>
public abstract class ServiceAdminTests(PortalFixture portal) : AdminCatalogueTestsBase(portal)
{
    [PortalFact]
    public async Task A_new_service_is_in_the_catalogue_at_once_and_leaves_it_when_retired()
    {
        var admin = await AdminAsync();
        var slug = await CreateServiceAsync(admin, name: "Izin Uji Katalog");
        var visitor = NewClient();
        Assert.Contains($"/layanan/{slug}", (await visitor.GetPageAsync("/layanan")).Html);
        Assert.Equal("Izin Uji Katalog", (await visitor.GetPageAsync($"/layanan/{slug}")).Heading);

        var details = await admin.GetPageAsync($"/admin/layanan/{slug}");
        using (var retired = await admin.SubmitAsync(details, $"/admin/layanan/{slug}/pensiunkan"))
        {
            var page = await admin.FollowAsync(retired, $"/admin/layanan/{slug}");
            Assert.Equal(T.Id("AdminCatalogue.Retired"), page.Text("#service-status"));
        }

        Assert.DoesNotContain($"/layanan/{slug}", (await visitor.GetPageAsync("/layanan")).Html);
        await visitor.GetPageAsync($"/layanan/{slug}", HttpStatusCode.NotFound);
        Assert.Contains(slug, (await admin.GetPageAsync("/admin/layanan?status=pensiun")).Text("#service-list"));
        Assert.DoesNotContain(slug, (await admin.GetPageAsync("/admin/layanan?status=aktif")).MainText);

        using (var reinstated = await admin.SubmitAsync(await admin.GetPageAsync($"/admin/layanan/{slug}"), $"/admin/layanan/{slug}/aktifkan"))
            Redirects.AssertRedirect(reinstated, $"/admin/layanan/{slug}");
        Assert.Contains($"/layanan/{slug}", (await visitor.GetPageAsync("/layanan")).Html);
        Assert.Equal(
            [AuditAction.ServiceCreated, AuditAction.ServiceRetired, AuditAction.ServiceReinstated],
            (await AuditOfAsync(slug)).Select(a => a.Action));
    }

    [PortalFact]
    public async Task Editing_a_service_changes_what_citizens_read_and_keeps_its_address()
    {
        var admin = await AdminAsync();
        var slug = await CreateServiceAsync(admin);
        var edit = await admin.GetPageAsync($"/admin/layanan/{slug}/ubah");
        Assert.Equal("Izin Uji Coba", edit.FieldValue("NameId"));
        using var saved = await admin.SubmitAsync(edit, $"/admin/layanan/{slug}/ubah", new Dictionary<string, string?>
        {
            ["NameId"] = "Izin Uji Coba Baru", ["Fee"] = "15.000", ["ServiceDays"] = "14", ["AgencyId"] = (await AgencyIdAsync("dpmptsp")).ToString(),
            ["Issuance"] = nameof(IssuanceMode.ByOfficer), ["Courses"] = "pdp-dasar, layanan-prima", ["AllowsNonPalopoApplicants"] = "true",
            ["Slug"] = "alamat-lain",
        });
        Assert.Equal(T.Id("AdminCatalogue.ServiceSaved"), (await admin.FollowAsync(saved, $"/admin/layanan/{slug}")).Notice);

        var service = await ServiceAsync(slug);
        Assert.NotNull(service);
        Assert.Equal(("Izin Uji Coba Baru", 15000m, 14, IssuanceMode.ByOfficer, true), (service.Name.Id, service.Fee, service.ServiceDays, service.Issuance, service.AllowsNonPalopoApplicants));
        Assert.Equal(["pdp-dasar", "layanan-prima"], service.RequiredCourseCodes);
        Assert.Equal(await AgencyIdAsync("dpmptsp"), service.AgencyId);
        Assert.Null(await ServiceAsync("alamat-lain"));
        Assert.Equal("Izin Uji Coba Baru", (await NewClient().GetPageAsync($"/layanan/{slug}")).Heading);
        Assert.Contains(AuditAction.ServiceChanged, (await AuditOfAsync(slug)).Select(a => a.Action));
    }

    [PortalFact]
    public async Task Bad_service_input_is_shown_beside_its_field_and_nothing_is_saved()
    {
        var admin = await AdminAsync();
        var cases = new (string Field, string? Value, string Error)[]
        {
            ("Slug", "akta-kelahiran", T.Id("AdminCatalogue.Error.SlugTaken", "akta-kelahiran")),
            ("Slug", "Izin Baru", T.Id("AdminCatalogue.Error.SlugFormat")),
            ("NameId", "", T.Id("AdminCatalogue.Error.Required")),
            ("NameId", new string('n', 201), T.Id("AdminCatalogue.Error.TooLong", 200)),
            ("SummaryId", "baris\u0007bel", T.Id("AdminCatalogue.Error.ControlCharacters")),
            ("Fee", "-5000", T.Id("AdminCatalogue.Error.FeeRange", 0, 1_000_000_000)),
            ("Fee", "lima ribu", T.Id("AdminCatalogue.Error.NotANumber")),
            ("ServiceDays", "0", T.Id("AdminCatalogue.Error.ServiceDaysRange", 1, 365)),
            ("ServiceDays", "366", T.Id("AdminCatalogue.Error.ServiceDaysRange", 1, 365)),
            ("AgencyId", "", T.Id("AdminCatalogue.Error.AgencyRequired")),
            ("Courses", "PDP Dasar!", T.Id("AdminCatalogue.Error.CourseFormat")),
        };
        foreach (var (field, value, error) in cases)
        {
            var slug = NewSlug("salah");
            var fields = await ServiceFieldsAsync(slug);
            fields[field] = value;
            var form = await admin.GetPageAsync("/admin/layanan/baru");
            var page = await ReadUnprocessableAsync(await admin.SubmitAsync(form, "/admin/layanan/baru", fields));
            Assert.Equal(error, page.FieldError(field));
            if (field != "SummaryId")
                Assert.Equal("Ringkasan layanan uji.", page.FieldValue("SummaryId")); // the rest of the input is kept
            if (field != "Slug")
                Assert.Null(await ServiceAsync(slug));
        }

        // An existing service: a negative fee on edit leaves the stored fee alone.
        var existing = await CreateServiceAsync(admin);
        var edit = await admin.GetPageAsync($"/admin/layanan/{existing}/ubah");
        var refused = await ReadUnprocessableAsync(await admin.SubmitAsync(edit, $"/admin/layanan/{existing}/ubah", new Dictionary<string, string?> { ["Fee"] = "-1", ["NameId"] = "Nama yang tidak tersimpan" }));
        Assert.Equal("-1", refused.FieldValue("Fee"));
        Assert.Equal(("Izin Uji Coba", 0m), ((await ServiceAsync(existing))!.Name.Id, (await ServiceAsync(existing))!.Fee));
    }

    [PortalFact]
    public async Task The_workflow_editor_adds_moves_and_removes_steps_and_refuses_an_empty_workflow()
    {
        var admin = await AdminAsync();
        var slug = await CreateServiceAsync(admin);
        var url = $"/admin/layanan/{slug}/alur";
        var editor = await admin.GetPageAsync(url);
        Assert.Equal("verifikasi", editor.FieldValue("Steps[0].Key"));

        var added = await PortalClient.ReadPageAsync(await PressAsync(admin, editor, url, "tambah-tahap"));
        var filled = new Dictionary<string, string?> { ["Steps[1].Key"] = "persetujuan", ["Steps[1].NameId"] = "Persetujuan kepala", ["Steps[1].Role"] = Roles.Supervisor };
        var moved = await PortalClient.ReadPageAsync(await PressAsync(admin, added, url, "naik-tahap:1", filled));
        Assert.Equal("persetujuan", moved.FieldValue("Steps[0].Key"));
        Assert.Equal("verifikasi", moved.FieldValue("Steps[1].Key"));
        Assert.Single((await ServiceAsync(slug))!.Workflow); // nothing saved yet

        var back = await PortalClient.ReadPageAsync(await PressAsync(admin, moved, url, "turun-tahap:0"));
        using (var saved = await PressAsync(admin, back, url, "simpan"))
            Redirects.AssertRedirect(saved, $"/admin/layanan/{slug}");
        var workflow = (await ServiceAsync(slug))!.Workflow;
        Assert.Equal([("verifikasi", Roles.Officer), ("persetujuan", Roles.Supervisor)], workflow.Select(s => (s.Key, s.Role)));

        // Removing every step and saving: refused, nothing changes.
        var again = await admin.GetPageAsync(url);
        var one = await PortalClient.ReadPageAsync(await PressAsync(admin, again, url, "hapus-tahap:1"));
        var none = await PortalClient.ReadPageAsync(await PressAsync(admin, one, url, "hapus-tahap:0"));
        Assert.False(none.Has("[name='Steps[0].Key']"));
        var refused = await ReadUnprocessableAsync(await PressAsync(admin, none, url, "simpan"));
        Assert.Equal(T.Id("AdminCatalogue.Error.NoSteps"), refused.FieldError("Steps"));

        var duplicate = await ReadUnprocessableAsync(await PressAsync(admin, again, url, "simpan", new Dictionary<string, string?> { ["Steps[1].Key"] = "verifikasi", ["Steps[1].NameId"] = "" }));
        Assert.Equal(T.Id("AdminCatalogue.Error.DuplicateKey", "verifikasi"), duplicate.FieldError("Steps_1__Key"));
        Assert.Equal(T.Id("AdminCatalogue.Error.Required"), duplicate.FieldError("Steps_1__NameId"));
        Assert.Equal(2, (await ServiceAsync(slug))!.Workflow.Count);
        Assert.Contains(AuditAction.ServiceWorkflowChanged, (await AuditOfAsync(slug)).Select(a => a.Action));
    }

    [PortalFact]
    public async Task Only_admins_enter_the_catalogue_screens_and_nobody_else_can_post_to_them()
    {
        var admin = await AdminAsync();
        var slug = await CreateServiceAsync(admin);
        string[] pages = ["/admin/instansi", "/admin/instansi/baru", "/admin/instansi/disdukcapil", "/admin/instansi/disdukcapil/ubah",
            "/admin/layanan", "/admin/layanan/baru", $"/admin/layanan/{slug}", $"/admin/layanan/{slug}/ubah", $"/admin/layanan/{slug}/formulir", $"/admin/layanan/{slug}/alur"];
        string[] posts = ["/admin/instansi/baru", "/admin/instansi/disdukcapil/ubah", "/admin/layanan/baru", $"/admin/layanan/{slug}/ubah",
            $"/admin/layanan/{slug}/pensiunkan", $"/admin/layanan/{slug}/formulir", $"/admin/layanan/{slug}/alur"];

        var anonymous = NewClient();
        foreach (var url in pages)
        {
            using var response = await anonymous.GetAsync(url);
            Assert.StartsWith("/akun/masuk?kembali=", Redirects.AssertRedirect(response), StringComparison.Ordinal);
        }

        var citizen = NewClient();
        await SignInAsync(citizen, "warga@palopo.test", Citizen.DemoPassword);
        foreach (var client in new[] { citizen, await StaffAsync(Officer), await StaffAsync(Kepala) })
        {
            var own = await client.GetPageAsync("/lacak");
            var ownToken = own.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            foreach (var url in pages)
                await AssertDeniedAsync(client, await client.GetAsync(url), url);
            foreach (var url in posts)
            {
                var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = ownToken, ["Code"] = "dinas-palsu", ["Name"] = "Palsu", ["ShortName"] = "P", ["aksi"] = "simpan" };
                await AssertDeniedAsync(client, await client.PostAsync(url, fields), url);
            }
        }

        Assert.True((await ServiceAsync(slug))!.IsActive);
        Assert.False(await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.AnyAsync(a => a.Code == "dinas-palsu")));
    }

    private static async Task AssertDeniedAsync(PortalClient client, HttpResponseMessage response, string url)
    {
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                var location = Redirects.AssertRedirect(response);
                Assert.True(location.StartsWith("/akun/ditolak", StringComparison.Ordinal), $"{url} redirected to {location}");
                using var denied = await client.GetAsync(location);
                Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            }
            else
            {
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            }
        }
    }
}

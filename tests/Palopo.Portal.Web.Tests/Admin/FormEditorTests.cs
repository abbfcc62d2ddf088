using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Admin;

/// <summary>/admin/layanan/{slug}/formulir: the no-JavaScript editor, its checks, the preview, and form versions.</summary>
public abstract class FormEditorTests(PortalFixture portal) : AdminCatalogueTestsBase(portal)
{
    [PortalFact]
    public async Task The_editor_buttons_add_move_and_remove_rows_keeping_unsaved_input_and_storing_nothing()
    {
        var admin = await AdminAsync();
        var slug = await CreateServiceAsync(admin);
        var url = FormUrl(slug);
        var editor = await admin.GetPageAsync(url);
        Assert.False(editor.Has("[name='Sections[0].Key']"));

        var withSection = await PortalClient.ReadPageAsync(await PressAsync(admin, editor, url, "tambah-bagian"));
        var withField = await PortalClient.ReadPageAsync(await PressAsync(admin, withSection, url, "tambah-kolom:0",
            new Dictionary<string, string?> { ["Sections[0].TitleId"] = "Data usaha" }));
        Assert.Equal("Data usaha", withField.FieldValue("Sections[0].TitleId"));
        Assert.Equal("kolom_1", withField.FieldValue("Sections[0].Fields[0].Key"));
        var twoFields = await PortalClient.ReadPageAsync(await PressAsync(admin, withField, url, "tambah-kolom:0",
            new Dictionary<string, string?> { ["Sections[0].Fields[0].LabelId"] = "Pertama" }));
        var filled = await PortalClient.ReadPageAsync(await PressAsync(admin, twoFields, url, "naik-kolom:0:1",
            new Dictionary<string, string?> { ["Sections[0].Fields[1].LabelId"] = "Kedua", ["Sections[0].Fields[1].Type"] = nameof(FieldType.Date) }));
        Assert.Equal(("Kedua", "Pertama"), (filled.FieldValue("Sections[0].Fields[0].LabelId"), filled.FieldValue("Sections[0].Fields[1].LabelId")));
        Assert.Equal(nameof(FieldType.Date), filled.FieldValue("Sections[0].Fields[0].Type"));

        var removed = await PortalClient.ReadPageAsync(await PressAsync(admin, filled, url, "hapus-kolom:0:0"));
        Assert.Equal("Pertama", removed.FieldValue("Sections[0].Fields[0].LabelId"));
        Assert.False(removed.Has("[name='Sections[0].Fields[1].Key']"));
        var withDocument = await PortalClient.ReadPageAsync(await PressAsync(admin, removed, url, "tambah-dokumen"));
        Assert.Equal("dokumen_1", withDocument.FieldValue("Documents[0].Key"));

        var service = await ServiceAsync(slug);
        Assert.Equal(1, service!.CurrentFormVersion); // still the empty first version
        Assert.DoesNotContain(AuditAction.ServiceFormPublished, (await AuditOfAsync(slug)).Select(a => a.Action));
    }

    [PortalFact]
    public async Task Problems_are_shown_beside_their_row_with_the_input_kept_and_nothing_published()
    {
        var admin = await AdminAsync();
        var slug = await CreateServiceAsync(admin);
        var state = TwoFieldForm();
        state["Sections[0].Fields[0].LabelId"] = "";                 // no label
        state["Sections[0].Fields[1].Options"] = "";                 // a choice without options
        state["Sections[0].Fields[1].Key"] = "nama_usaha";           // a duplicate key
        state["Documents[0].Types"] = null;                          // no file type
        state["Documents[0].MaxSizeMb"] = "50";                      // too big
        state["Sections[0].TitleEn"] = "Busi\u0001ness";             // a control character
        state["Sections[0].Fields[0].HelpId"] = new string('h', 501); // too long

        var page = await ReadUnprocessableAsync(await PostEditorStateAsync(admin, slug, "terbitkan", state));
        Assert.Equal(T.Id("AdminCatalogue.Error.Required"), page.FieldError("Sections_0__Fields_0__LabelId"));
        Assert.Equal(T.Id("AdminCatalogue.Error.DuplicateKey", "nama_usaha"), page.FieldError("Sections_0__Fields_1__Key"));
        Assert.Equal(T.Id("AdminCatalogue.Error.NoOptions"), page.FieldError("Sections_0__Fields_1__Options"));
        Assert.Equal(T.Id("AdminCatalogue.Error.NoFileTypes"), page.FieldError("Documents_0__Types"));
        Assert.Equal(T.Id("AdminCatalogue.Error.OutOfRange", 1, 10), page.FieldError("Documents_0__MaxSizeMb"));
        Assert.Equal(T.Id("AdminCatalogue.Error.ControlCharacters"), page.FieldError("Sections_0__TitleEn"));
        Assert.Equal(T.Id("AdminCatalogue.Error.TooLong", 500), page.FieldError("Sections_0__Fields_0__HelpId"));
        Assert.Equal("Jenis usaha", page.FieldValue("Sections[0].Fields[1].LabelId")); // the input is kept
        Assert.Equal("50", page.FieldValue("Documents[0].MaxSizeMb"));

        var badOption = TwoFieldForm();
        badOption["Sections[0].Fields[1].Options"] = "dagang | Perdagangan\ndagang | Lagi";
        var optionPage = await ReadUnprocessableAsync(await PostEditorStateAsync(admin, slug, "terbitkan", badOption));
        Assert.Equal(T.Id("AdminCatalogue.Error.DuplicateOption", "dagang"), optionPage.FieldError("Sections_0__Fields_1__Options"));

        Assert.Equal(1, (await ServiceAsync(slug))!.CurrentFormVersion);
    }

    [PortalFact]
    public async Task The_preview_shows_the_unsaved_form_as_citizens_see_it()
    {
        var admin = await AdminAsync();
        var slug = await CreateServiceAsync(admin);
        var page = await PortalClient.ReadPageAsync(await PostEditorStateAsync(admin, slug, "pratinjau", TwoFieldForm("Nama usaha Anda")));
        var preview = page.Document.QuerySelector("#preview");
        Assert.NotNull(preview);
        Assert.Equal("Nama usaha Anda", preview.QuerySelector("label[for=f_nama_usaha]")!.TextContent.Trim());
        Assert.Equal(["dagang", "jasa"], preview.QuerySelectorAll("input[name='Answers[jenis]']").Select(r => r.GetAttribute("value")));
        Assert.NotNull(preview.QuerySelector("input[type=file]#doc_foto_lokasi"));
        Assert.Equal("Nama usaha Anda", page.FieldValue("Sections[0].Fields[0].LabelId")); // the editor keeps the state
        Assert.Equal(1, (await ServiceAsync(slug))!.CurrentFormVersion);
    }

    [PortalFact]
    public async Task A_request_keeps_the_form_it_was_filed_on_and_new_applications_get_the_new_form()
    {
        var admin = await AdminAsync();
        var slug = await CreateServiceAsync(admin, name: "Izin Versi Formulir");
        await PublishAsync(admin, slug, TwoFieldForm());
        Assert.Equal(2, (await ServiceAsync(slug))!.CurrentFormVersion);

        // A citizen files on version 2.
        var (citizen, _) = await SignedInCitizenAsync();
        var applyUrl = $"/layanan/{slug}/ajukan";
        var form = await citizen.GetPageAsync(applyUrl);
        using var submitted = await citizen.SubmitMultipartAsync(form, applyUrl,
            new Dictionary<string, string?> { ["Answers[nama_usaha]"] = "Toko Sinar Palopo", ["Answers[jenis]"] = "jasa", ["aksi"] = "kirim" },
            [FileUpload.Pdf("doc_foto_lokasi", "lokasi.pdf")]);
        var reference = ReferenceFrom(submitted);

        // The admin renames a label, adds a question and removes the choice.
        var next = TwoFieldForm("Nama badan usaha");
        foreach (var key in next.Keys.Where(k => k.StartsWith("Sections[0].Fields[1].", StringComparison.Ordinal)).ToList())
            next.Remove(key);
        next["Sections[0].Fields[1].Key"] = "alamat_usaha";
        next["Sections[0].Fields[1].Type"] = nameof(FieldType.LongText);
        next["Sections[0].Fields[1].LabelId"] = "Alamat usaha";
        next["Sections[0].Fields[1].Required"] = "true";
        await PublishAsync(admin, slug, next);
        Assert.Equal(3, (await ServiceAsync(slug))!.CurrentFormVersion);
        Assert.Equal(2, (await AuditOfAsync(slug)).Count(a => a.Action == AuditAction.ServiceFormPublished));

        // The old request still shows its own questions and answers, to the citizen and to the officer.
        var mine = await citizen.GetPageAsync($"/permohonan/{reference}");
        Assert.Contains("Nama usaha", mine.MainText);
        Assert.DoesNotContain("Nama badan usaha", mine.MainText);
        Assert.Contains("Toko Sinar Palopo", mine.MainText);
        Assert.Contains("Jenis usaha", mine.MainText);
        Assert.DoesNotContain("Alamat usaha", mine.MainText);
        var officer = await StaffAsync(Officer);
        var review = await officer.GetPageAsync(ReviewUrl(reference));
        Assert.Contains("Toko Sinar Palopo", review.MainText);
        Assert.Contains("Jenis usaha", review.MainText);
        Assert.DoesNotContain("Alamat usaha", review.MainText);

        // A new application uses version 3.
        var (other, _) = await SignedInCitizenAsync();
        var newForm = await other.GetPageAsync(applyUrl);
        Assert.Equal("Nama badan usaha", Regex.Replace(newForm.Text("label[for=f_nama_usaha]"), @"\s+", " "));
        Assert.True(newForm.Has("#f_alamat_usaha"));
        Assert.False(newForm.Has("input[name='Answers[jenis]']"));
        using var second = await other.SubmitMultipartAsync(newForm, applyUrl,
            new Dictionary<string, string?> { ["Answers[nama_usaha]"] = "CV Luwu Raya", ["Answers[alamat_usaha]"] = "Jl. Andi Djemma 1", ["aksi"] = "kirim" });
        var secondReference = ReferenceFrom(second);
        var versions = await InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            return (from r in db.ServiceRequests
                    join f in db.ServiceFormVersions on r.FormVersionId equals f.Id
                    where r.ReferenceNumber == reference || r.ReferenceNumber == secondReference
                    orderby r.ReferenceNumber
                    select f.Version).ToListAsync();
        });
        Assert.Equal([2, 3], versions);
    }
}

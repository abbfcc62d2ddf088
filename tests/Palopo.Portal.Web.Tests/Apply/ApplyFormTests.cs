using System.Net;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Apply;

/// <summary>
/// The apply form at /layanan/{slug}/ajukan: what a citizen finds on it, who may open it, who may
/// see a confirmation, and which services refuse applicants from outside Palopo.
/// </summary>
public abstract class ApplyFormTests(PortalFixture portal) : ApplyTestsBase(portal)
{
    [PortalFact]
    public async Task Form_has_every_section_prefills_the_reporters_nik_and_asks_for_the_documents()
    {
        var definition = await BirthCertificateFormAsync();
        var (client, citizen) = await SignedInCitizenAsync();

        var page = await OpenFormAsync(client);

        Assert.Equal(T.Id("Apply.Title", "Akta Kelahiran"), page.Heading);
        var form = page.Form(ApplyUrl);
        Assert.Equal("post", form.Method);
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));

        // The reporter is the citizen: their own NIK is filled in; nobody else's is.
        Assert.Equal(citizen.Nik, page.FieldValue(Answer("nik_pelapor")));
        Assert.Null(page.FieldValue(Answer("nik_ibu")));
        Assert.Null(page.FieldValue(Answer("nik_saksi1")));

        // A fresh idempotency key for this copy of the form, and the antiforgery token.
        var key = form.QuerySelector("input[type=hidden][name=IdempotencyKey]")?.GetAttribute("value");
        Assert.True(Guid.TryParse(key, out var parsed) && parsed != Guid.Empty, $"IdempotencyKey: {key}");
        Assert.NotNull(form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]"));
        var again = await OpenFormAsync(client);
        Assert.NotEqual(key, again.Form(ApplyUrl).QuerySelector("input[name=IdempotencyKey]")?.GetAttribute("value"));

        // One fieldset per section (child, mother, father, reporter, witnesses), each holding its own questions.
        var sections = form.QuerySelectorAll("fieldset.form-section").ToList();
        Assert.Equal(["anak", "ibu", "ayah", "pelapor", "saksi"], definition.Sections.Select(s => s.Key));
        foreach (var section in definition.Sections)
        {
            var fieldset = sections.FirstOrDefault(f => Collapse(f.QuerySelector("legend")?.TextContent ?? "") == section.Title.Id);
            Assert.True(fieldset is not null, $"No fieldset for section {section.Key} ({section.Title.Id}).");
            foreach (var field in section.Fields)
            {
                Assert.True(fieldset.QuerySelector($"[name='{Answer(field.Key)}']") is not null, $"{field.Key} is not in section {section.Key}.");
                Assert.True(fieldset.QuerySelector($"#f_{field.Key}") is not null, $"{field.Key} has no element with id f_{field.Key}.");
            }
        }

        Assert.Equal(2, form.QuerySelectorAll($"input[type=radio][name='{Answer("jenis_kelamin_anak")}']").Length);
        Assert.NotNull(form.QuerySelector($"select[name='{Answer("kelurahan_lahir")}'] option[value='{Citizen.Tompotikka}']"));
        Assert.Equal("date", form.QuerySelector($"[name='{Answer("tanggal_lahir_anak")}']")?.GetAttribute("type"));

        // A file input per document, limited to PDF, JPEG and PNG, with its size rule beside it.
        Assert.Equal([BirthNotice, FamilyCard, MarriageBook], definition.Documents.Select(d => d.Key));
        foreach (var document in definition.Documents)
        {
            var input = form.QuerySelector($"input[type=file][name=doc_{document.Key}]");
            Assert.True(input is not null, $"No file input for {document.Key}.");
            Assert.Equal("doc_" + document.Key, input.Id);
            Assert.Contains(".pdf", input.GetAttribute("accept"), StringComparison.Ordinal);
            Assert.Contains("image/png", input.GetAttribute("accept"), StringComparison.Ordinal);
            Assert.Contains(T.Id("Apply.FileRule", "PDF, JPEG, PNG", "2"), page.Text($"#doc_{document.Key}-hint"), StringComparison.Ordinal);
        }

        Assert.Equal(["kirim", "simpan"], form.QuerySelectorAll("button[name=aksi]").Select(b => b.GetAttribute("value")));
        Assert.False(page.Has(".notice--warning"));
        Assert.False(page.Has(".error-summary"));
    }

    [PortalFact]
    public async Task Form_is_in_English_after_the_language_switch()
    {
        var (client, _) = await SignedInCitizenAsync();

        var page = await OpenFormAsync(client, ApplyUrl + "?culture=en");

        Assert.Equal("en", page.Language);
        Assert.Equal(T.En("Apply.Title", "Birth Certificate"), page.Heading);
        Assert.Equal(T.En("Apply.Submit"), page.Text("button[name=aksi][value=kirim]"));
        Assert.Contains("The mother", page.MainText, StringComparison.Ordinal);
    }

    // ---------- who may apply, and see what ----------

    [PortalFact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_and_back()
    {
        using var response = await NewClient().GetAsync(ApplyUrl);

        Redirects.AssertRedirect(response, "/akun/masuk?kembali=" + Uri.EscapeDataString(ApplyUrl));
    }

    [PortalFact]
    public async Task Anonymous_post_is_sent_to_sign_in()
    {
        using var response = await NewClient().PostAsync(ApplyUrl, [new("IdempotencyKey", Guid.NewGuid().ToString()), new(Answer("nama_anak"), "X")]);

        Redirects.AssertRedirect(response, "/akun/masuk?kembali=" + Uri.EscapeDataString(ApplyUrl));
    }

    [PortalFact]
    public async Task Post_without_the_antiforgery_token_is_refused_with_400_and_saves_nothing()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var form = await OpenFormAsync(client);
        var fields = ValidAnswers();
        fields["__RequestVerificationToken"] = null;

        using var response = await PostFormAsync(client, form, fields, RequiredDocuments());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await RequestsOfAsync(citizen.Email));
    }

    [PortalFact]
    public async Task Post_without_an_idempotency_key_is_refused_with_400()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var form = await OpenFormAsync(client);
        var fields = ValidAnswers();
        fields["IdempotencyKey"] = null;

        using var response = await PostFormAsync(client, form, fields, RequiredDocuments());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await RequestsOfAsync(citizen.Email));
    }

    [PortalTheory]
    [InlineData("/layanan/tidak-ada-layanan-ini/ajukan")]
    [InlineData("/layanan/%3Cscript%3E/ajukan")]
    public async Task Unknown_service_gets_404(string url)
    {
        var client = NewClient();
        await SignInAsync(client, "warga@palopo.test", Citizen.DemoPassword);

        var page = await client.GetPageAsync(url, HttpStatusCode.NotFound);
        Assert.Equal(T.Id("Error.NotFoundTitle"), page.Heading);

        // Posting a real copy of a form (token included) to an unknown service is a 404 as well.
        var form = await OpenFormAsync(client);
        var fields = FormFields.Of(form.Form(ApplyUrl));
        fields.Add(new(Answer("nama_anak"), "Fathir"));
        using var response = await client.PostAsync(url, fields);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [PortalFact]
    public async Task Another_citizens_confirmation_and_receipt_are_404_and_show_nothing_of_the_request()
    {
        var (owner, _) = await SignedInCitizenAsync();
        var reference = await SubmitValidAsync(owner);
        var request = await RequestAsync(reference);
        var (other, _) = await SignedInCitizenAsync();

        foreach (var url in new[] { $"/permohonan/{reference}/terkirim", $"/permohonan/{reference}/tanda-terima" })
        {
            var page = await other.GetPageAsync(url, HttpStatusCode.NotFound);
            Assert.Equal(T.Id("Error.NotFoundTitle"), page.Heading);
            Assert.DoesNotContain(request.TrackingCode!, page.Html, StringComparison.Ordinal);

            using var anonymous = await NewClient().GetAsync(url);
            Redirects.AssertRedirect(anonymous, "/akun/masuk?kembali=" + Uri.EscapeDataString(url));

            // The owner still sees it.
            await owner.GetPageAsync(url);
        }
    }

    [PortalTheory]
    [InlineData("PLP-2000-999999")]
    [InlineData("bukan-nomor")]
    public async Task Confirmation_of_a_reference_that_does_not_exist_is_404(string reference)
    {
        var client = NewClient();
        await SignInAsync(client, "warga@palopo.test", Citizen.DemoPassword);

        await client.GetPageAsync($"/permohonan/{reference}/terkirim", HttpStatusCode.NotFound);
        await client.GetPageAsync($"/permohonan/{reference}/tanda-terima", HttpStatusCode.NotFound);
    }

    // ---------- who may apply for which service ----------

    [PortalTheory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Service_for_Palopo_residents_refuses_a_citizen_from_Makassar(string culture)
    {
        var (client, citizen) = await SignedInCitizenAsync(MakassarCitizen());

        var page = await OpenFormAsync(client, ApplyUrl + "?culture=" + culture);
        Assert.Equal(T.In(culture, "Apply.NotEligible"), page.Text(".notice--warning"));

        // Submitting anyway makes nothing: back to the form with the same message.
        using var response = await PostFormAsync(client, page, ValidAnswers(), RequiredDocuments());
        var back = await client.FollowAsync(response, ApplyUrl);
        Assert.Equal(T.In(culture, "Apply.NotEligible"), back.Text(".notice--warning"));
        Assert.Single(back.MainText.Split(T.In(culture, "Apply.NotEligible"))[1..]); // said once, as a warning, not as a "success"
        Assert.False(back.Has(".notice--success"));
        Assert.Empty(await RequestsOfAsync(citizen.Email));
    }

    [PortalFact]
    public async Task Service_open_to_newcomers_accepts_a_citizen_from_Makassar()
    {
        var (client, _) = await SignedInCitizenAsync(MakassarCitizen());

        var page = await OpenFormAsync(client, "/layanan/pindah-datang/ajukan");

        Assert.False(page.Has(".notice--warning"), page.MainText);
        Assert.DoesNotContain(T.Id("Apply.NotEligible"), page.MainText, StringComparison.Ordinal);
        Assert.True(page.Has("form[action='/layanan/pindah-datang/ajukan'] button[name=aksi][value=kirim]"));
    }

    /// <summary>A new citizen registered with a Kota Makassar NIK (7371…), living in Palopo now.</summary>
    private static Citizen MakassarCitizen()
    {
        var palopo = Citizen.New();
        return palopo with { Nik = string.Concat("7371", palopo.Nik.AsSpan(4)) };
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class ApplyFormOnSqlite(SqlitePortalFixture portal) : ApplyFormTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class ApplyFormOnPostgreSql(PostgreSqlPortalFixture portal) : ApplyFormTests(portal);

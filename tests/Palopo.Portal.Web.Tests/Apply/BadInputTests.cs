using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Apply;

/// <summary>
/// Every kind of bad answer and bad upload on the birth-certificate form: the form comes back (422)
/// with the message beside the right field, everything else as typed, and nothing submitted.
/// </summary>
public abstract class BadInputTests(PortalFixture portal) : ApplyTestsBase(portal)
{
    private const string AllTypes = "PDF, JPEG, PNG";

    /// <summary>One bad input: what is changed in an otherwise complete and valid form, and what must be said where.</summary>
    private sealed record BadCase(
        Dictionary<string, string?> Answers, List<FileUpload> Files, string Key, bool IsDocument, string Message, object[] Args)
    {
        /// <summary>The id of the element the message must sit in.</summary>
        public string ErrorFor => (IsDocument ? "doc_" : "f_") + Key;
    }

    private static BadCase Field(string key, string value, string message, params object[] args) =>
        new(new() { [Answer(key)] = value }, RequiredDocuments(), key, false, message, args);

    private static BadCase BirthNoticeFile(string fileName, byte[] content, string message, params object[] args) =>
        new([], [new FileUpload("doc_" + BirthNotice, fileName, content, "application/pdf"), FileUpload.Png("doc_" + FamilyCard, "kk.png")],
            BirthNotice, true, message, args);

    private static BadCase Case(string name) => name switch
    {
        "too-long" => Field("nama_anak", new string('a', 151), "Apply.Error.TooLong", 150),
        "number-zero" => Field("anak_ke", "0", "Apply.Error.OutOfRange", 1m, 20m),
        "number-words" => Field("anak_ke", "dua", "Apply.Error.NotANumber"),
        "number-too-big" => Field("berat_lahir_gram", "99999", "Apply.Error.OutOfRange", 300m, 7000m),
        "date-invalid" => Field("tanggal_lahir_anak", "2024-02-30", "Apply.Error.InvalidDate"),
        "date-not-iso" => Field("tanggal_lahir_anak", "kemarin sore", "Apply.Error.InvalidDate"),
        "date-future" => Field("tanggal_lahir_anak", Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Apply.Error.DateInFuture"),
        "choice-forged" => Field("jenis_kelamin_anak", "X", "Apply.Error.InvalidChoice"),
        "yes-no-forged" => Field("orang_tua_menikah", "mungkin", "Apply.Error.InvalidChoice"),
        "nik-too-short" => Field("nik_ibu", "737301450595", "Apply.Error.Nik.WrongLength"),
        "nik-letters" => Field("nik_ibu", "7373O145O5950003", "Apply.Error.Nik.NotDigits"),
        "nik-impossible-date" => Field("nik_saksi1", "7373013202900001", "Apply.Error.Nik.InvalidDate"),
        "nik-district-00" => Field("nik_saksi2", "7373004505950003", "Apply.Error.Nik.InvalidRegion"),
        "nik-reporter-changed" => Field("nik_pelapor", "1234", "Apply.Error.Nik.WrongLength"),
        "kelurahan-not-palopo" => Field("kelurahan_lahir", "32.73.01.1001", "Apply.Error.InvalidKelurahan"),
        "control-characters" => Field("tempat_lahir_anak", "RSUD\u0000Sawerigading", "Apply.Error.InvalidCharacters"),
        "exe-renamed-pdf" => BirthNoticeFile("surat-lahir.pdf", [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], "Apply.Error.FileTypeNotAllowed", AllTypes),
        "png-named-pdf" => BirthNoticeFile("surat-lahir.pdf", FileUpload.PngBytes, "Apply.Error.FileTypeMismatch", AllTypes),
        "empty-file" => BirthNoticeFile("surat-lahir.pdf", [], "Apply.Error.FileEmpty"),
        "too-large-file" => BirthNoticeFile("surat-lahir.pdf", LargePdf(2 * 1024 * 1024 + 1), "Apply.Error.FileTooLarge", "2"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [PortalTheory]
    [InlineData("too-long", "id")]
    [InlineData("number-zero", "id")]
    [InlineData("number-words", "id")]
    [InlineData("number-too-big", "id")]
    [InlineData("date-invalid", "id")]
    [InlineData("date-not-iso", "id")]
    [InlineData("date-future", "id")]
    [InlineData("choice-forged", "id")]
    [InlineData("yes-no-forged", "id")]
    [InlineData("nik-too-short", "id")]
    [InlineData("nik-letters", "id")]
    [InlineData("nik-impossible-date", "id")]
    [InlineData("nik-district-00", "id")]
    [InlineData("nik-reporter-changed", "id")]
    [InlineData("kelurahan-not-palopo", "id")]
    [InlineData("control-characters", "id")]
    [InlineData("exe-renamed-pdf", "id")]
    [InlineData("png-named-pdf", "id")]
    [InlineData("empty-file", "id")]
    [InlineData("too-large-file", "id")]
    [InlineData("number-zero", "en")]
    [InlineData("date-future", "en")]
    [InlineData("nik-impossible-date", "en")]
    [InlineData("kelurahan-not-palopo", "en")]
    [InlineData("exe-renamed-pdf", "en")]
    [InlineData("too-large-file", "en")]
    public async Task Bad_input_is_refused_beside_its_field_and_the_rest_is_kept(string name, string culture)
    {
        var bad = Case(name);
        var definition = await BirthCertificateFormAsync();
        var (client, citizen) = await SharedApplicantAsync();
        var numberBefore = await LastReferenceNumberAsync();
        var form = await OpenFormAsync(client, culture == "en" ? ApplyUrl + "?culture=en" : ApplyUrl);
        var copy = Guid.NewGuid(); // this row's own copy of the form (see SharedApplicantAsync)
        var answers = ValidAnswers();
        answers["IdempotencyKey"] = copy.ToString();
        answers[Answer("nik_pelapor")] = citizen.Nik;
        foreach (var (key, value) in bad.Answers)
            answers[key] = value;

        using var response = await PostFormAsync(client, form, answers, bad.Files);

        var page = await ReadInvalidAsync(response);
        Assert.Equal(culture, page.Language);
        var message = T.In(culture, bad.Message, bad.Args);
        Assert.Equal(message, page.FieldError(bad.ErrorFor));
        var control = page.Document.GetElementById(bad.ErrorFor);
        Assert.NotNull(control);
        if (control.LocalName is "input" or "select" or "textarea")
        {
            Assert.Equal("true", control.GetAttribute("aria-invalid"));
            Assert.Contains(bad.ErrorFor + "-error", control.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
        }
        var label = bad.IsDocument ? definition.Document(bad.Key)!.Label.For(culture) : definition.Field(bad.Key)!.Label.For(culture);
        Assert.Equal([$"{label}: {message}"], page.ErrorSummary);
        // The summary links to the control to fix (a choice: its first option).
        var isChoice = !bad.IsDocument && definition.Field(bad.Key)!.Type is FieldType.Choice or FieldType.YesNo;
        Assert.Equal("#" + bad.ErrorFor + (isChoice ? "_0" : ""), page.Document.QuerySelector(".error-summary li a")?.GetAttribute("href"));
        AssertSummaryLinksResolve(page);

        // Everything else is shown as it was typed, and the good document is kept.
        AssertAnswersShown(page, definition, answers, citizen, except: bad.IsDocument ? null : bad.Key);
        var goodDocuments = bad.IsDocument ? [FamilyCard] : new[] { BirthNotice, FamilyCard };
        foreach (var document in goodDocuments)
            Assert.True(page.Has("#attached_" + document), $"{document} is not shown as attached.");
        if (bad.IsDocument)
            Assert.False(page.Has("#attached_" + bad.Key));

        // The form comes back as the same copy, so correcting it carries on with the same draft.
        Assert.Equal(copy.ToString(), page.Form(ApplyUrl).QuerySelector("input[name=IdempotencyKey]")?.GetAttribute("value"));

        // Nothing submitted, no reference number used; a refused file is never stored.
        var requests = await RequestsOfAsync(citizen.Email);
        Assert.All(requests, r => Assert.Equal(RequestStatus.Draft, r.Status));
        Assert.All(requests, r => Assert.Null(r.ReferenceNumber));
        Assert.Equal(numberBefore, await LastReferenceNumberAsync());
        var documents = requests.Single(r => r.IdempotencyKey == copy).Documents.ToList();
        Assert.Equal(goodDocuments.Order(StringComparer.Ordinal), documents.Select(d => d.RequirementKey).Order(StringComparer.Ordinal));
        Assert.All(documents, d => Assert.True(File.Exists(StoredPath(d.StoredName))));
    }

    [PortalTheory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Empty_form_gets_a_message_beside_every_required_question_and_document(string culture)
    {
        var definition = await BirthCertificateFormAsync();
        var (client, citizen) = await SignedInCitizenAsync();
        var numberBefore = await LastReferenceNumberAsync();
        var form = await OpenFormAsync(client, culture == "en" ? ApplyUrl + "?culture=en" : ApplyUrl);
        var empty = definition.Fields.ToDictionary(f => Answer(f.Key), f => f.Type is FieldType.Choice or FieldType.YesNo ? null : (string?)"");
        empty["aksi"] = "kirim";

        using var response = await PostFormAsync(client, form, empty);

        var page = await ReadInvalidAsync(response);
        foreach (var field in definition.Fields)
        {
            var expected = field.Required ? T.In(culture, "Apply.Error.Required") : "";
            Assert.True(expected == page.FieldError("f_" + field.Key), $"{field.Key}: expected \"{expected}\", shown \"{page.FieldError("f_" + field.Key)}\".");
        }

        foreach (var document in definition.Documents)
            Assert.Equal(document.Required ? T.In(culture, "Apply.Error.DocumentRequired") : "", page.FieldError("doc_" + document.Key));

        var required = definition.Fields.Count(f => f.Required) + definition.Documents.Count(d => d.Required);
        Assert.Equal(required, page.ErrorSummary.Count);
        Assert.Contains($"{definition.Field("nama_anak")!.Label.For(culture)}: {T.In(culture, "Apply.Error.Required")}", page.ErrorSummary);
        Assert.Null(page.FieldValue(Answer("nik_pelapor"))); // cleared on purpose: stays cleared
        AssertSummaryLinksResolve(page);

        var requests = await RequestsOfAsync(citizen.Email);
        Assert.All(requests, r => Assert.Equal(RequestStatus.Draft, r.Status));
        Assert.Empty(requests.SelectMany(r => r.Documents));
        Assert.Equal(numberBefore, await LastReferenceNumberAsync());
    }

    [PortalFact]
    public async Task Html_and_script_in_answers_and_file_names_are_shown_as_text_never_run()
    {
        const string script = "<script>alert('xss')</script>";
        const string image = "\"><img src=x onerror=alert(1)>";
        var (client, citizen) = await SignedInCitizenAsync();
        var form = await OpenFormAsync(client);
        var answers = ValidAnswers();
        answers[Answer("nama_anak")] = script;
        answers[Answer("nama_ibu")] = image;
        answers[Answer("anak_ke")] = "0"; // one bad answer, so the form comes back with the others

        using var response = await PostFormAsync(client, form, answers,
            [FileUpload.Pdf("doc_" + BirthNotice, "<img src=x onerror=alert(2)>.pdf"), FileUpload.Png("doc_" + FamilyCard, "kk.png")]);

        var page = await ReadInvalidAsync(response);
        Assert.Equal(T.Id("Apply.Error.OutOfRange", 1m, 20m), page.FieldError("f_anak_ke"));
        Assert.Equal(script, page.FieldValue(Answer("nama_anak")));
        Assert.Equal(image, page.FieldValue(Answer("nama_ibu")));
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.Document.QuerySelectorAll("main script, main img"));
        var attached = page.Text("#attached_" + BirthNotice);
        Assert.DoesNotContain("<", attached, StringComparison.Ordinal);
        Assert.Contains(".pdf", attached, StringComparison.Ordinal);

        // The answer itself is kept exactly; only its display is escaped.
        var draft = Assert.Single(await RequestsOfAsync(citizen.Email));
        Assert.Equal(script, draft.Answers["nama_anak"]);

        // The same on a later visit (the draft resumed).
        var resumed = await OpenFormAsync(client);
        Assert.Equal(script, resumed.FieldValue(Answer("nama_anak")));
        Assert.DoesNotContain("<script>alert", resumed.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", resumed.Html, StringComparison.OrdinalIgnoreCase);
    }

    [PortalFact]
    public async Task File_names_with_path_characters_are_accepted_stored_under_generated_names_and_shown_without_the_path()
    {
        var started = DateTime.UtcNow.AddSeconds(-1);
        var (client, citizen) = await SignedInCitizenAsync();
        var form = await OpenFormAsync(client);
        var evil = new[]
        {
            new FileUpload("doc_" + BirthNotice, @"..\..\evil.pdf", FileUpload.PdfBytes, "application/pdf"),
            new FileUpload("doc_" + FamilyCard, "/etc/passwd.pdf", FileUpload.PdfBytes, "application/pdf"),
            new FileUpload("doc_" + MarriageBook, "../../../../tmp/nikah.pdf", FileUpload.PdfBytes, "application/pdf"),
        };

        // Saved as a draft first, so the page shows the attached names.
        using var save = await PostFormAsync(client, form, new Dictionary<string, string?> { ["aksi"] = "simpan" }, evil);
        var saved = await PortalClient.ReadPageAsync(save);
        Assert.Equal(T.Id("Apply.Attached", "evil.pdf", 1), saved.Text("#attached_" + BirthNotice));
        Assert.Equal(T.Id("Apply.Attached", "passwd.pdf", 1), saved.Text("#attached_" + FamilyCard));
        Assert.Equal(T.Id("Apply.Attached", "nikah.pdf", 1), saved.Text("#attached_" + MarriageBook));
        foreach (var path in new[] { "/etc/", "../", @"..\", "/tmp/" })
            Assert.DoesNotContain(path, saved.Html, StringComparison.Ordinal);

        // Then submitted: the files stay where the store put them, under names it made up.
        var resumed = await OpenFormAsync(client);
        using var submit = await PostFormAsync(client, resumed, ValidAnswers());
        var request = await RequestAsync(ReferenceFrom(submit));
        Assert.Equal(["evil.pdf", "nikah.pdf", "passwd.pdf"], request.CurrentDocuments.Select(d => d.FileName).Order(StringComparer.Ordinal));
        foreach (var document in request.CurrentDocuments)
        {
            Assert.Matches(@"^\d{4}/\d{2}/[0-9a-f]{32}\.pdf$", document.StoredName);
            var path = Path.GetFullPath(StoredPath(document.StoredName));
            Assert.StartsWith(Path.GetFullPath(Path.Combine(App.DataPath, "files")) + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
            Assert.Equal(FileUpload.PdfBytes, File.ReadAllBytes(path));
        }

        // Nothing was written where the names point, inside the data folder or above it.
        foreach (var name in new[] { "evil.pdf", "passwd.pdf", "nikah.pdf" })
            Assert.Empty(Directory.GetFiles(App.DataPath, name, SearchOption.AllDirectories));
        var files = Path.Combine(App.DataPath, "files", "x", "y");
        foreach (var outside in new[] { Path.Combine(files, @"..\..\evil.pdf"), Path.GetFullPath(Path.Combine(files, "../../evil.pdf")),
                     Path.GetFullPath(Path.Combine(files, "../../../evil.pdf")), Path.GetFullPath(Path.Combine(files, "../../../../tmp/nikah.pdf")) })
            Assert.False(File.Exists(outside) && File.GetLastWriteTimeUtc(outside) >= started, $"{outside} was written by the upload.");
        Assert.Single(await RequestsOfAsync(citizen.Email));
    }

    // ---------- helpers ----------

    private static readonly ConcurrentDictionary<PortalAppFactory, Task<(Citizen Citizen, CookieCollection Cookies)>> SharedApplicants = new();

    /// <summary>
    /// One signed-in citizen for every row of the bad-input theory, on a fresh client per row (so a
    /// row's language choice stays its own). Each row posts its own copy of the form (a new
    /// idempotency key), which makes its own draft, and the re-shown form is that draft; none of the
    /// rows submits. Signing up a citizen per row would take most of the theory's time.
    /// </summary>
    private async Task<(PortalClient Client, Citizen Citizen)> SharedApplicantAsync()
    {
        var (citizen, cookies) = await SharedApplicants.GetOrAdd(App, _ => SignUpAsync());
        var client = NewClient();
        client.Cookies.Add(cookies);
        return (client, citizen);

        async Task<(Citizen, CookieCollection)> SignUpAsync()
        {
            var (signedIn, fresh) = await SignedInCitizenAsync();
            return (fresh, signedIn.Cookies.GetAllCookies());
        }
    }

    /// <summary>A PDF header followed by padding, <paramref name="size"/> bytes in all.</summary>
    private static byte[] LargePdf(int size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');
        FileUpload.PdfBytes.AsSpan(0, 16).CopyTo(bytes);
        return bytes;
    }

    /// <summary>Every link of the error summary leads to an element of the page.</summary>
    private static void AssertSummaryLinksResolve(HtmlPage page)
    {
        foreach (var link in page.Document.QuerySelectorAll(".error-summary a"))
        {
            var href = link.GetAttribute("href") ?? "";
            Assert.StartsWith("#", href, StringComparison.Ordinal);
            Assert.True(page.Document.GetElementById(href[1..]) is not null, $"The error summary links to {href}, which is not on the page.");
        }
    }

    /// <summary>Asserts that every answer of <paramref name="answers"/> (but <paramref name="except"/>) is shown again as sent.</summary>
    private static void AssertAnswersShown(HtmlPage page, FormDefinition definition, Dictionary<string, string?> answers, Citizen citizen, string? except)
    {
        foreach (var field in definition.Fields.Where(f => f.Key != except))
        {
            var expected = answers.GetValueOrDefault(Answer(field.Key)) ?? (field.Key == "nik_pelapor" ? citizen.Nik : null);
            var shown = field.Type is FieldType.Choice or FieldType.YesNo ? CheckedValue(page, Answer(field.Key)) : page.FieldValue(Answer(field.Key));
            Assert.True(expected == shown, $"{field.Key}: sent \"{expected}\", shown \"{shown}\".");
            Assert.Equal("", page.FieldError("f_" + field.Key));
        }
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class BadInputOnSqlite(SqlitePortalFixture portal) : BadInputTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class BadInputOnPostgreSql(PostgreSqlPortalFixture portal) : BadInputTests(portal);

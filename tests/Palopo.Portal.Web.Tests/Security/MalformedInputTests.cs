using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Domain.Agencies;
using Palopo.Portal.Domain.PersonalData;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Apply;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Security;

/// <summary>A portal of its own for the sweeps, so counting rows is not disturbed by other test classes.</summary>
public sealed class SweepPortalFixture : PortalFixture
{
    protected override Task<PortalAppFactory?> CreateAsync() => Task.FromResult<PortalAppFactory?>(PortalAppFactory.ForSqlite());
}

[CollectionDefinition(Name)]
public sealed class SweepPortalCollection : ICollectionFixture<SweepPortalFixture>
{
    public const string Name = "Portal on SQLite for the security sweeps";
}

/// <summary>The bad values every field of every form gets, one field at a time.</summary>
public static class BadValues
{
    public static readonly (string Name, string Value)[] All =
    [
        ("empty", ""),
        ("huge 100 KB", new string('A', 100 * 1024)),
        ("control characters", "a\u0000b\u0001c\u001b[31m\r\n\t\u007f"),
        ("sql quote", "' OR '1'='1' --"),
        ("sql drop", "1; DROP TABLE \"AspNetUsers\"; --"),
        ("sql union", "x' UNION SELECT \"PasswordHash\" FROM \"AspNetUsers\" --"),
        ("script tag", "<script>alert(1)</script>"),
        ("attribute breakout", "\"><img src=x onerror=alert(1)>"),
        ("negative", "-1"),
        ("huge number", "-99999999999999999999999999"),
        ("not a number", "1e309"),
        ("path traversal", "../../etc/passwd"),
        ("windows path", "..\\..\\windows\\win.ini"),
        ("rtl override", "\u202Egnp.exe"),
        ("zero width", "\u200B\u200C\u200D\uFEFF"),
        ("emoji flood", string.Concat(Enumerable.Repeat("🙂", 2000))),
        ("format string", "{0}{1}%s%n%x"),
        ("date nonsense", "2026-02-31"),
    ];
}

/// <summary>
/// Every form of the portal, every field, every bad value: the answer is a page (200/302/400/404/409/422/429),
/// never a 5xx, and a refused submission stores nothing (users, requests, timeline events and audit rows are
/// counted around each one). Bodies that are not valid UTF-8 are sent raw as well.
/// </summary>
[Collection(SweepPortalCollection.Name)]
public sealed partial class MalformedInputTests(SweepPortalFixture portal, ITestOutputHelper output) : ApplyTestsBase(portal)
{
    private static readonly HashSet<int> Acceptable = [200, 302, 400, 404, 409, 422, 429];

    private int _submissions;
    private readonly List<string> _failures = [];

    /// <param name="Baseline">Valid values under the bad one, so each bad value is judged on its own rather than beside empty fields.</param>
    private sealed record FormTarget(string Name, PortalClient Client, string PageUrl, string Action, bool Multipart = false, IReadOnlyDictionary<string, string?>? Baseline = null);

    [Fact]
    public async Task Every_form_answers_bad_values_with_a_page_and_stores_nothing_half_way()
    {
        var (citizen, me) = await SignedInCitizenAsync();
        var anonymous = NewClient();
        var officer = NewClient();
        await SignInWithAuthenticatorAsync(officer, "petugas.disdukcapil@palopo.test", Citizen.DemoPassword, Citizen.DemoStaffAuthenticatorKey);
        // One request per form that can end it (an accepted odd value may withdraw, reject or send it back),
        // claimed by the officer so the decision forms are on the review page.
        var reference = await SubmitValidAsync(citizen);
        var forNote = await SubmitValidAsync(citizen);
        var forReject = await SubmitValidAsync(citizen);
        var forSendBack = await SubmitValidAsync(citizen);
        var forCorrection = await SubmitValidAsync(citizen);
        foreach (var claim in new[] { forNote, forReject, forSendBack, forCorrection })
        {
            var review = await officer.GetPageAsync($"/petugas/permohonan/{claim}");
            using var claimed = await officer.SubmitAsync(review, $"/petugas/permohonan/{claim}/ambil");
            Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        }

        var toCorrect = await officer.GetPageAsync($"/petugas/permohonan/{forCorrection}");
        using (var sentBack = await officer.SubmitAsync(toCorrect, $"/petugas/permohonan/{forCorrection}/kembalikan",
                   new Dictionary<string, string?> { ["tandai"] = "f_nama_anak", ["alasan[f_nama_anak]"] = "Ejaan nama anak salah." }))
            Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);

        // The personal-data and admin forms: a rights request of the citizen for the desk's answer form,
        // and an agency and a service of their own for the edit forms (an accepted odd value renames them, not the demo ones).
        var admin = NewClient();
        await SignInWithAuthenticatorAsync(admin, "admin@palopo.test", Citizen.DemoPassword, Citizen.DemoStaffAuthenticatorKey);
        Guid rightsId;
        using (var filed = await citizen.SubmitFormAsync("/data-saya", new Dictionary<string, string?> { ["kind"] = nameof(RightsRequestKind.Access), ["details"] = "Salinan data saya." }, "/data-saya/hak"))
        {
            var location = Redirects.AssertRedirect(filed);
            rightsId = Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
        }

        var (agencyCode, disdukcapilId) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var agency = new Agency("uji-sapuan", "Instansi Uji Sapuan", "Sweep Test Agency", "Uji");
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            return (agency.Code, await db.Agencies.Where(a => a.Code == "disdukcapil").Select(a => a.Id).SingleAsync());
        });
        var serviceFields = new Dictionary<string, string?>
        {
            ["AgencyId"] = disdukcapilId.ToString(), ["NameId"] = "Izin Uji Sapuan", ["NameEn"] = "Sweep test permit",
            ["SummaryId"] = "Ringkasan.", ["DescriptionId"] = "Uraian.", ["LifeEvent"] = nameof(LifeEvent.BusinessAndPermits),
            ["Fee"] = "0", ["ServiceDays"] = "5", ["SortOrder"] = "950", ["Issuance"] = nameof(IssuanceMode.Automatic), ["Courses"] = "",
        };
        const string service = "uji-sapuan";
        using (var created = await admin.SubmitFormAsync("/admin/layanan/baru", new Dictionary<string, string?>(serviceFields) { ["Slug"] = service }))
            Redirects.AssertRedirect(created, $"/admin/layanan/{service}");

        var targets = new List<FormTarget>
        {
            new("registration", anonymous, "/akun/daftar", "/akun/daftar"),
            new("sign-in", anonymous, "/akun/masuk", "/akun/masuk"),
            new("forgotten password", anonymous, "/akun/lupa-sandi", "/akun/lupa-sandi"),
            new("reset password", anonymous, "/akun/atur-ulang-sandi?code=QUJD", "/akun/atur-ulang-sandi"),
            new("resend confirmation", anonymous, "/akun/kirim-ulang-konfirmasi", "/akun/kirim-ulang-konfirmasi"),
            new("track", anonymous, "/lacak", "/lacak"),
            new("claim", citizen, "/permohonan/klaim", "/permohonan/klaim"),
            new("change password", citizen, "/akun/ubah-sandi", "/akun/ubah-sandi"),
            new("apply", citizen, ApplyUrl, ApplyUrl, Multipart: true),
            new("officer note", officer, $"/petugas/permohonan/{forNote}", $"/petugas/permohonan/{forNote}/catatan"),
            new("officer reject", officer, $"/petugas/permohonan/{forReject}", $"/petugas/permohonan/{forReject}/tolak"),
            new("officer send back", officer, $"/petugas/permohonan/{forSendBack}", $"/petugas/permohonan/{forSendBack}/kembalikan"),
            new("counter start", officer, "/petugas/loket", "/petugas/loket"),
            new("counter form", officer, $"/petugas/loket/{Slug}", $"/petugas/loket/{Slug}", Multipart: true),
            new("correction", citizen, $"/permohonan/{forCorrection}/perbaiki", $"/permohonan/{forCorrection}/perbaiki", Multipart: true),
            new("withdraw", citizen, $"/permohonan/{reference}/tarik", $"/permohonan/{reference}/tarik"),
            new("rights request", citizen, "/data-saya", "/data-saya/hak", Baseline: new Dictionary<string, string?> { ["kind"] = nameof(RightsRequestKind.Correction), ["details"] = "Nama saya salah eja." }),
            new("consent", citizen, "/data-saya/persetujuan", "/data-saya/persetujuan"),
            new("verify upload", anonymous, "/verifikasi", "/verifikasi/berkas", Multipart: true),
            new("admin agency create", admin, "/admin/instansi/baru", "/admin/instansi/baru",
                Baseline: new Dictionary<string, string?> { ["Code"] = "uji-sapuan-baru", ["Name"] = "Instansi Baru", ["NameEn"] = "New agency", ["ShortName"] = "Baru" }),
            new("admin agency edit", admin, $"/admin/instansi/{agencyCode}/ubah", $"/admin/instansi/{agencyCode}/ubah"),
            new("admin service create", admin, "/admin/layanan/baru", "/admin/layanan/baru", Baseline: new Dictionary<string, string?>(serviceFields) { ["Slug"] = "uji-sapuan-baru" }),
            new("admin service edit", admin, $"/admin/layanan/{service}/ubah", $"/admin/layanan/{service}/ubah"),
            new("admin form editor", admin, $"/admin/layanan/{service}/formulir", $"/admin/layanan/{service}/formulir"),
            new("admin workflow", admin, $"/admin/layanan/{service}/alur", $"/admin/layanan/{service}/alur"),
            new("admin staff invite", admin, "/admin/petugas/undang", "/admin/petugas/undang"),
            new("admin holiday", admin, "/admin/hari-libur", "/admin/hari-libur/tambah"),
            new("admin breach", admin, "/admin/insiden/baru", "/admin/insiden/baru"),
            new("admin rights desk answer", admin, $"/admin/hak-data/{rightsId}", $"/admin/hak-data/{rightsId}"),
        };

        foreach (var target in targets)
            await SweepAsync(target);

        // Uploads with lying names and contents, to the application and to the public verification.
        await SweepUploadsAsync(citizen);
        await SweepVerificationAsync(anonymous);
        // Raw bodies that are not UTF-8, and the language switch.
        await SweepRawBytesAsync(targets);
        await SweepLanguageSwitchAsync(anonymous);

        output.WriteLine($"{_submissions} submissions over {targets.Count} forms, {_failures.Count} failed");
        Assert.True(_failures.Count == 0, $"{_failures.Count} of {_submissions} submissions failed:\n" + string.Join('\n', _failures.Take(60)));
        Assert.True(_submissions >= 1000, $"only {_submissions} submissions");
        Assert.Contains(await RequestsOfAsync(me.Email), r => r.ReferenceNumber == reference);
    }

    private async Task SweepAsync(FormTarget target)
    {
        var page = await target.Client.GetPageAsync(target.PageUrl);
        var form = page.Form(target.Action);
        // One row of a repeated list (Sections[0], Steps[0]) stands for the others: same binder, same rules.
        var fields = FormFields.Of(form).Select(f => f.Key).Where(k => k != "__RequestVerificationToken" && !RepeatedRow().IsMatch(k)).Distinct().ToList();
        // Field names a form might not render but the binder would take (wrong types, injected extras).
        fields.AddRange(["Version", "Id", "UserId", "Answers[nama_anak]", "ReturnUrl"]);
        foreach (var field in fields.Distinct())
        {
            foreach (var (name, value) in BadValues.All)
            {
                if (target.Multipart && value.Length > 50_000 && field.StartsWith("Answers[", StringComparison.Ordinal) is false)
                    continue; // multipart bodies of 100 KB per non-answer field add time, not coverage
                var before = await CountsAsync();
                var values = new Dictionary<string, string?>(target.Baseline ?? new Dictionary<string, string?>()) { [field] = value };
                using var response = target.Multipart
                    ? await target.Client.SubmitMultipartAsync(page, target.Action, values)
                    : await target.Client.SubmitAsync(page, target.Action, values);
                await JudgeAsync($"{target.Name} [{field}] = {name}", response, before);
            }
        }
    }

    private async Task SweepUploadsAsync(PortalClient citizen)
    {
        var page = await OpenFormAsync(citizen);
        var uploads = new (string Name, FileUpload File)[]
        {
            ("empty file", new FileUpload("doc_" + BirthNotice, "kosong.pdf", [], "application/pdf")),
            ("exe named pdf", new FileUpload("doc_" + BirthNotice, "surat.pdf", "MZ\u0090\0\u0003"u8.ToArray(), "application/pdf")),
            ("html named png", new FileUpload("doc_" + FamilyCard, "kk.png", "<html><script>alert(1)</script></html>"u8.ToArray(), "image/png")),
            ("path traversal name", new FileUpload("doc_" + BirthNotice, "../../etc/passwd", FileUpload.PdfBytes, "application/pdf")),
            ("windows path name", new FileUpload("doc_" + BirthNotice, "..\\..\\boot.ini.pdf", FileUpload.PdfBytes, "application/pdf")),
            ("rtl name", new FileUpload("doc_" + BirthNotice, "surat\u202Efdp.exe", FileUpload.PdfBytes, "application/pdf")),
            ("huge name", new FileUpload("doc_" + BirthNotice, new string('a', 5000) + ".pdf", FileUpload.PdfBytes, "application/pdf")),
            ("pdf named png", new FileUpload("doc_" + FamilyCard, "kk.png", FileUpload.PdfBytes, "image/png")),
            ("eicar named pdf", new FileUpload("doc_" + BirthNotice, "eicar.pdf", Encoding.ASCII.GetBytes(ClamdScannerTests.Eicar), "application/pdf")),
            ("unknown field", new FileUpload("doc_tidak_ada", "x.pdf", FileUpload.PdfBytes, "application/pdf")),
            ("null bytes name", new FileUpload("doc_" + BirthNotice, "a\0b.pdf", FileUpload.PdfBytes, "application/pdf")),
            ("truncated pdf", new FileUpload("doc_" + BirthNotice, "pendek.pdf", "%PD"u8.ToArray(), "application/pdf")),
        };
        foreach (var (name, file) in uploads)
        {
            foreach (var action in new[] { "kirim", "simpan" })
            {
                var before = await CountsAsync();
                var fields = ValidAnswers();
                fields["aksi"] = action;
                using var response = await citizen.SubmitMultipartAsync(page, ApplyUrl, fields, [file]);
                // "simpan" keeps a draft on purpose (and a valid "kirim" with one good file may not apply): judged for status only.
                await JudgeAsync($"upload {name} ({action})", response, action == "kirim" && name != "unknown field" ? before : null);
            }
        }
    }

    /// <summary>The public check: bad codes typed in the form and in the address, and files that are not issued PDFs.</summary>
    private async Task SweepVerificationAsync(PortalClient anonymous)
    {
        foreach (var (name, value) in BadValues.All.Where(v => v.Value.Length < 10_000))
        {
            using var typed = await anonymous.GetAsync("/verifikasi?kode=" + Uri.EscapeDataString(value));
            await JudgeAsync($"verify code typed = {name}", typed, null);
            if (value.Length == 0 || value.Contains('\0', StringComparison.Ordinal))
                continue; // a NUL in the path never reaches the app (Kestrel answers 400; the test host cannot even send it)
            using var inPath = await anonymous.GetAsync("/verifikasi/" + Uri.EscapeDataString(value));
            await JudgeAsync($"verify code in path = {name}", inPath, null);
        }

        var files = new (string Name, FileUpload File)[]
        {
            ("empty file", new FileUpload("berkas", "kosong.pdf", [], "application/pdf")),
            ("exe named pdf", new FileUpload("berkas", "dokumen.pdf", "MZ\u0090\0\u0003"u8.ToArray(), "application/pdf")),
            ("html named pdf", new FileUpload("berkas", "dokumen.pdf", "<html><script>alert(1)</script></html>"u8.ToArray(), "application/pdf")),
            ("truncated pdf", new FileUpload("berkas", "pendek.pdf", "%PD"u8.ToArray(), "application/pdf")),
            ("pdf header only", new FileUpload("berkas", "kepala.pdf", "%PDF-1.7\n%%EOF"u8.ToArray(), "application/pdf")),
            ("a pdf we did not issue", new FileUpload("berkas", "lain.pdf", FileUpload.PdfBytes, "application/pdf")),
            ("pdf with garbage tail", new FileUpload("berkas", "ekor.pdf", [.. FileUpload.PdfBytes, .. new byte[64 * 1024]], "application/pdf")),
            ("one byte too large", new FileUpload("berkas", "besar.pdf", [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[Palopo.Portal.Application.Documents.VerifyDocument.MaxUploadBytes - 8]], "application/pdf")),
            ("path traversal name", new FileUpload("berkas", "../../etc/passwd", FileUpload.PdfBytes, "application/pdf")),
            ("huge name", new FileUpload("berkas", new string('a', 5000) + ".pdf", FileUpload.PdfBytes, "application/pdf")),
            ("eicar", new FileUpload("berkas", "eicar.pdf", Encoding.ASCII.GetBytes(ClamdScannerTests.Eicar), "application/pdf")),
            ("wrong field", new FileUpload("bukan_berkas", "x.pdf", FileUpload.PdfBytes, "application/pdf")),
        };
        foreach (var (name, file) in files)
        {
            var page = await anonymous.GetPageAsync("/verifikasi");
            var before = await CountsAsync();
            using var response = await anonymous.SubmitMultipartAsync(page, "/verifikasi/berkas", files: [file]);
            await JudgeAsync($"verify upload {name}", response, before);
        }
    }

    private async Task SweepRawBytesAsync(List<FormTarget> targets)
    {
        byte[][] bodies =
        [
            [0xC3, 0x28, 0x3D, 0xA0, 0xA1],                                  // invalid 2-byte sequence
            "Email=\xFF\xFE\xFD&Password=\xC0\xAF"u8.ToArray(),                  // overlong / invalid bytes
            [.. "ReferenceNumber="u8.ToArray(), 0xED, 0xA0, 0x80, .. "&TrackingCode=%ZZ%"u8.ToArray()], // UTF-16 surrogate in UTF-8, bad escapes
            [.. "FullName=%C3%28&Nik=%ED%A0%80&KelurahanCode=%00"u8.ToArray()],
            [.. Enumerable.Repeat((byte)'&', 5000)],                          // thousands of empty pairs
            [.. "a="u8.ToArray(), .. Enumerable.Repeat((byte)0x80, 2000)],
        ];
        foreach (var target in targets.Where(t => !t.Multipart))
        {
            var page = await target.Client.GetPageAsync(target.PageUrl);
            if (page.Document.QuerySelector($"form[action='{target.Action}']") is null)
                continue; // an odd value was accepted above and ended the request (rejected, sent back): its form is gone
            var token = page.Form(target.Action).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
            foreach (var body in bodies)
            {
                foreach (var withToken in new[] { true, false })
                {
                    var bytes = withToken ? [.. Encoding.ASCII.GetBytes($"__RequestVerificationToken={Uri.EscapeDataString(token)}&"), .. body] : body;
                    using var content = new ByteArrayContent(bytes);
                    content.Headers.ContentType = new("application/x-www-form-urlencoded");
                    var before = await CountsAsync();
                    using var response = await target.Client.Http.PostAsync(new Uri(target.Action, UriKind.Relative), content);
                    await JudgeAsync($"{target.Name} raw bytes {Convert.ToHexString(body.AsSpan(0, Math.Min(8, body.Length)))} token={withToken}", response, before);
                }
            }

            // Wrong content types for a form post.
            foreach (var (type, payload) in new[] { ("application/json", "{\"Email\":{\"$gt\":\"\"}}"), ("text/xml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"), ("multipart/form-data; boundary=zz", "--zz\r\nbroken") })
            {
                using var content = new StringContent(payload, Encoding.UTF8);
                content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
                var before = await CountsAsync();
                using var response = await target.Client.Http.PostAsync(new Uri(target.Action, UriKind.Relative), content);
                await JudgeAsync($"{target.Name} as {type}", response, before);
            }
        }
    }

    private async Task SweepLanguageSwitchAsync(PortalClient client)
    {
        foreach (var (name, value) in BadValues.All.Where(v => v.Value.Length < 10_000))
        {
            foreach (var page in new[] { "/", "/layanan", "/lacak", "/akun/masuk" })
            {
                using var response = await client.GetAsync($"{page}?culture={Uri.EscapeDataString(value)}&ui-culture={Uri.EscapeDataString(value)}");
                await JudgeAsync($"language switch {page} culture={name}", response, null);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, "/layanan?q=" + Uri.EscapeDataString(value));
            request.Headers.TryAddWithoutValidation("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString(value));
            using var viaCookie = await client.Http.SendAsync(request);
            await JudgeAsync($"catalogue search + culture cookie = {name}", viaCookie, null);
        }
    }

    private async Task JudgeAsync(string what, HttpResponseMessage response, Counts? before)
    {
        _submissions++;
        var status = (int)response.StatusCode;
        if (!Acceptable.Contains(status))
        {
            _failures.Add($"{what}: {status}");
            return;
        }

        if (before is not null && status != 302)
        {
            var after = await CountsAsync();
            if (after != before)
                _failures.Add($"{what}: refused ({status}) but stored something: {before} -> {after}");
        }
    }

    private sealed record Counts(int Users, int Requests, int Events, int Documents, string PersonalData, string Admin);

    [System.Text.RegularExpressions.GeneratedRegex(@"\[[1-9][0-9]*\]")]
    private static partial System.Text.RegularExpressions.Regex RepeatedRow();

    /// <summary>
    /// Rows a refused submission must not add. Drafts are left out on purpose: a refused application
    /// keeps the citizen's draft and the files that passed their checks (BadInputTests), by design.
    /// </summary>
    private Task<Counts> CountsAsync() => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        var live = db.ServiceRequests.Where(r => r.Status != Palopo.Portal.Domain.Requests.RequestStatus.Draft).Select(r => r.Id);
        return new Counts(
            await db.Users.CountAsync(),
            await live.CountAsync(),
            await db.RequestEvents.CountAsync(e => live.Contains(e.RequestId)),
            await db.RequestDocuments.CountAsync(d => live.Contains(d.RequestId)),
            string.Join(' ', await db.RightsRequests.CountAsync(), await db.RightsRequests.CountAsync(r => r.Status != RightsRequestStatus.Received),
                await db.Users.CountAsync(u => u.PrivacyNoticeAcceptedAtUtc != null), await db.DataBreaches.CountAsync(), await db.BreachSubjects.CountAsync()),
            string.Join(' ', await db.Agencies.CountAsync(), await db.Services.CountAsync(), await db.ServiceFormVersions.CountAsync(), await db.Holidays.CountAsync(),
                string.Join(',', await db.Agencies.OrderBy(a => a.Code).Select(a => a.Name + "|" + a.NameEn + "|" + a.ShortName).ToListAsync()),
                string.Join(',', (await db.Services.Select(s => s.UpdatedAtUtc).ToListAsync()).Order())));
    });
}

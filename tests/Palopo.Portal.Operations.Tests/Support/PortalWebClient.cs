using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Palopo.Portal.Operations.Tests.Support;

/// <summary>
/// A browser-like HTTP client for portal processes: one cookie jar (cookies for 127.0.0.1 go to
/// every port, so one jar follows a user across nodes), no automatic redirects, forms posted with
/// the antiforgery token read from the page.
/// </summary>
public sealed partial class PortalWebClient : IDisposable
{
    public const string DemoCitizen = "warga@palopo.test";
    public const string DemoCitizenNik = "7373014501900001";
    public const string DemoPassword = "demo-palopo-2026";
    public const string ApplyPath = "/layanan/akta-kelahiran/ajukan";

    private readonly HttpClient _http;

    public PortalWebClient(TimeSpan? timeout = null)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = Cookies,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(100),
        };
    }

    public CookieContainer Cookies { get; }

    public async Task<string> GetPageAsync(Uri node, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _http.GetAsync(new Uri(node, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {node}{path}: {(int)response.StatusCode}, expected {(int)expected}");
        return body;
    }

    public async Task<HttpResponseMessage> GetAsync(Uri node, string path) => await _http.GetAsync(new Uri(node, path));

    /// <summary>Signs in on <paramref name="node"/>; asserts the redirect home.</summary>
    public async Task SignInAsync(Uri node, string email = DemoCitizen, string password = DemoPassword)
    {
        var page = await GetPageAsync(node, "/akun/masuk");
        using var response = await PostFormAsync(node, "/akun/masuk", AntiforgeryToken(page), new()
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/",
            $"Sign-in on {node}: {(int)response.StatusCode} {response.Headers.Location}");
    }

    public async Task<HttpResponseMessage> PostFormAsync(Uri node, string path, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        return await _http.PostAsync(new Uri(node, path), new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs out as the layout's form does: no antiforgery token, the portal's own origin.</summary>
    public async Task<HttpResponseMessage> PostSignOutAsync(Uri node)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, "/akun/keluar")) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", node.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await _http.SendAsync(request);
    }

    /// <summary>The apply form's antiforgery token (valid for every later POST of this user in this jar).</summary>
    public async Task<string> ApplyFormTokenAsync(Uri node) => AntiforgeryToken(await GetPageAsync(node, ApplyPath));

    /// <summary>Submits a complete birth-certificate application with two small documents.</summary>
    public async Task<HttpResponseMessage> SubmitApplicationAsync(Uri node, string token, Guid idempotencyKey, HttpContent? slowBody = null)
    {
        using var content = slowBody is null ? ApplicationForm(token, idempotencyKey) : null;
        return await _http.PostAsync(new Uri(node, ApplyPath), slowBody ?? content);
    }

    /// <summary>The reference number of a submission's 302 to /permohonan/{ref}/terkirim, or null.</summary>
    public static string? ConfirmedReference(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
            return null;
        var match = ConfirmationPattern().Match(response.Headers.Location?.OriginalString ?? "");
        return match.Success ? match.Groups[1].Value : null;
    }

    public static MultipartFormDataContent ApplicationForm(string token, Guid idempotencyKey)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["IdempotencyKey"] = idempotencyKey.ToString(),
            ["Answers[nama_anak]"] = "Muhammad Fathir Ramadhan",
            ["Answers[jenis_kelamin_anak]"] = "L",
            ["Answers[tanggal_lahir_anak]"] = today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Answers[tempat_lahir_anak]"] = "RSUD Sawerigading Palopo",
            ["Answers[kelurahan_lahir]"] = "73.73.01.1001",
            ["Answers[anak_ke]"] = "2",
            ["Answers[berat_lahir_gram]"] = "3200",
            ["Answers[nik_ibu]"] = "7373014505950003",
            ["Answers[nama_ibu]"] = "Sitti Aisyah",
            ["Answers[nik_ayah]"] = "7373011203900004",
            ["Answers[nama_ayah]"] = "Andi Baso Mappanyukki",
            ["Answers[orang_tua_menikah]"] = "ya",
            ["Answers[nik_pelapor]"] = DemoCitizenNik,
            ["Answers[hubungan_pelapor]"] = "ayah",
            ["Answers[nik_saksi1]"] = "7373020101800005",
            ["Answers[nama_saksi1]"] = "Muh. Arfah",
            ["Answers[nik_saksi2]"] = "7373030202850006",
            ["Answers[nama_saksi2]"] = "Hj. Nurhayati",
            ["aksi"] = "kirim",
        };
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value, Encoding.UTF8), name);
        form.Add(File(Documents.Pdf, "application/pdf"), "doc_surat_lahir", "surat-keterangan-lahir.pdf");
        form.Add(File(Documents.Png, "image/png"), "doc_kartu_keluarga", "kk-foto.png");
        return form;
    }

    public static string AntiforgeryToken(string html) => HiddenValue(html, "__RequestVerificationToken");

    public static string HiddenValue(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (tag.Contains($"name=\"{name}\"", StringComparison.Ordinal))
                return WebUtility.HtmlDecode(ValueAttribute().Match(tag).Groups[1].Value);
        }

        throw new InvalidOperationException($"No input named {name} on the page.");
    }

    private static ByteArrayContent File(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"^/permohonan/(PLP-\d{4}-\d{6})/terkirim$")]
    private static partial Regex ConfirmationPattern();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}

/// <summary>The smallest files the upload check accepts as what they claim to be.</summary>
public static class Documents
{
    public static byte[] Png { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static byte[] Pdf { get; } = MakePdf();

    private static byte[] MakePdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}

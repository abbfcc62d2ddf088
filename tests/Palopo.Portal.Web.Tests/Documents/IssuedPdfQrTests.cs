using System.Diagnostics;
using System.Net;
using Palopo.Portal.Testing;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Documents;

/// <summary>
/// Needs pdftoppm (poppler-utils) and zbarimg (zbar-tools), which scripts/test.sh installs: skipped
/// without them, except under CI=true or PALOPO_REQUIRE_ALL=1, where it runs and fails loudly.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class QrToolsFactAttribute : FactAttribute
{
    public QrToolsFactAttribute()
    {
        if (!TestEnvironment.RequireAll && !(QrTools.Has("pdftoppm") && QrTools.Has("zbarimg")))
            Skip = "pdftoppm or zbarimg not installed (apt-get install poppler-utils zbar-tools)";
    }
}

internal static class QrTools
{
    public static bool Has(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));

    public static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {error}");
        return output;
    }
}

/// <summary>The printed QR code works: the issued PDF, rasterised like a scan, decodes to the verification page.</summary>
[Collection(SqlitePortalCollection.Name)]
public sealed class IssuedPdfQrTests(SqlitePortalFixture portal) : DocumentTestsBase(portal)
{
    [QrToolsFact]
    public async Task The_qr_code_on_the_pdf_opens_the_verification_page_which_says_valid()
    {
        var (client, citizen, reference) = await IssuedAktaAsync();
        byte[] pdf;
        using (var download = await client.GetAsync(DownloadUrl(reference)))
            pdf = await PdfAsync(download);

        using var folder = new TemporaryDirectory();
        var pdfPath = Path.Combine(folder.Path, "dokumen.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        await QrTools.RunAsync("pdftoppm", "-r", "150", "-png", "-singlefile", pdfPath, Path.Combine(folder.Path, "halaman"));
        var scanned = (await QrTools.RunAsync("zbarimg", "--quiet", "--raw", Path.Combine(folder.Path, "halaman.png"))).Trim();
        // PALOPO_DOCUMENT_SAMPLE_DIR keeps the PDF and its rendering, to look at the layout by eye.
        if (Environment.GetEnvironmentVariable("PALOPO_DOCUMENT_SAMPLE_DIR") is { Length: > 0 } sampleDir)
        {
            Directory.CreateDirectory(sampleDir);
            File.Copy(pdfPath, Path.Combine(sampleDir, "dokumen.pdf"), overwrite: true);
            File.Copy(Path.Combine(folder.Path, "halaman.png"), Path.Combine(sampleDir, "dokumen.png"), overwrite: true);
        }


        var document = (await DocumentAsync(reference))!;
        var code = Domain.Documents.VerificationCode.Display(document.VerificationCode);
        Assert.Equal($"http://localhost:5080/verifikasi/{code}", scanned); // Portal:PublicBaseUrl, never the request's host
        Assert.DoesNotContain(citizen.Nik, scanned, StringComparison.Ordinal);

        var page = await NewClient().GetPageAsync(new Uri(scanned).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("valid", page.Document.QuerySelector("#verify-verdict")?.GetAttribute("data-status"));
        Assert.Equal(citizen.FullName, page.Text("#verify-holder"));
    }
}

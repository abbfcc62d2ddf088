using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>
/// The birth certificate form (akta-kelahiran in services.json), filled as a person would: every
/// question found by its visible label. Used by the citizen's apply form and the officer's counter form
/// (both render the same questions).
/// </summary>
public static partial class AktaKelahiran
{
    // Valid Palopo NIKs (7373 01 = Wara): the mother born 10 May 1995 (day + 40), two witnesses born 12 March 1980.
    public const string MotherNik = "7373015005950003";
    public const string Witness1Nik = "7373011203800004";
    public const string Witness2Nik = "7373011203800005";
    public const string ChildName = "Andi Tenri Batari";
    public const string MotherName = "Nurhayati Andi Lolo";

    /// <summary>
    /// A signed-in <paramref name="father"/> applies from the service's apply form with both uploads and
    /// returns the reference number from the confirmation page. Only the form and the confirmation are
    /// checked (the apply journey itself is <see cref="Tests.ApplyJourneyTests"/>).
    /// </summary>
    public static async Task<string> ApplyAsync(BrowserSession session, Citizen father)
    {
        var page = session.Page;
        await session.GotoAsync("/layanan/akta-kelahiran/ajukan");
        await page.ExpectPageAsync("/layanan/akta-kelahiran/ajukan", "id", "Ajukan: Akta Kelahiran");
        await FillAsync(page, father);
        await UploadAsync(page);
        await session.CheckPageAsync("apply-form-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(ConfirmationUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Permohonan terkirim");
        var reference = (await page.Locator("#reference-number").InnerTextAsync()).Trim();
        Assert.Matches(ReferencePattern(), reference);
        await session.CheckPageAsync("apply-confirmation");
        return reference;
    }

    /// <summary>Every question of the form; the reporter's NIK is prefilled by the portal and left as it is.</summary>
    public static async Task FillAsync(IPage page, Citizen father)
    {
        var birthDate = DateTime.UtcNow.AddHours(8).AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Data anak
        await page.GetByLabel("Nama lengkap anak", new() { Exact = true }).FillAsync(ChildName);
        await ChooseAsync(page, "Jenis kelamin", "Perempuan");
        await page.GetByLabel("Tanggal lahir", new() { Exact = true }).FillAsync(birthDate);
        await page.GetByLabel("Tempat lahir (rumah sakit, puskesmas, atau alamat)", new() { Exact = true }).FillAsync("RSUD Sawerigading, Jl. Dr. Ratulangi");
        await page.GetByLabel("Kelurahan tempat lahir", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Boting" });
        await page.GetByLabel("Anak ke-", new() { Exact = true }).FillAsync("2");
        await page.GetByLabel("Berat lahir (gram) (opsional)", new() { Exact = true }).FillAsync("3150");

        // Data ibu
        await page.GetByLabel("NIK ibu", new() { Exact = true }).FillAsync(MotherNik);
        await page.GetByLabel("Nama lengkap ibu", new() { Exact = true }).FillAsync(MotherName);

        // Data ayah
        await page.GetByLabel("NIK ayah (opsional)", new() { Exact = true }).FillAsync(father.Nik);
        await page.GetByLabel("Nama lengkap ayah (opsional)", new() { Exact = true }).FillAsync(father.FullName);
        await ChooseAsync(page, "Apakah perkawinan orang tua tercatat?", "Ya");

        // Pelapor: the NIK is prefilled; the relationship is chosen.
        await ChooseAsync(page, "Hubungan dengan anak", "Ayah");

        // Saksi
        await page.GetByLabel("NIK saksi 1", new() { Exact = true }).FillAsync(Witness1Nik);
        await page.GetByLabel("Nama saksi 1", new() { Exact = true }).FillAsync("Muhammad Arif");
        await page.GetByLabel("NIK saksi 2", new() { Exact = true }).FillAsync(Witness2Nik);
        await page.GetByLabel("Nama saksi 2", new() { Exact = true }).FillAsync("Hasanuddin Latif");
    }

    /// <summary>The two required documents: a PDF birth letter from the hospital and a photo of the family card.</summary>
    public static async Task UploadAsync(IPage page)
    {
        await page.GetByLabel("Surat keterangan lahir", new() { Exact = true }).SetInputFilesAsync(TestFiles.Pdf("surat-keterangan-lahir.pdf"));
        await page.GetByLabel("Kartu keluarga", new() { Exact = true }).SetInputFilesAsync(TestFiles.Png("kartu-keluarga.png"));
    }

    private static Task ChooseAsync(IPage page, string question, string answer) =>
        page.GetByRole(AriaRole.Group, new() { Name = question, Exact = true })
            .GetByRole(AriaRole.Radio, new() { Name = answer, Exact = true })
            .CheckAsync();

    [GeneratedRegex(@"^PLP-\d{4}-\d{6}$")]
    public static partial Regex ReferencePattern();

    [GeneratedRegex(@"/permohonan/PLP-\d{4}-\d{6}/terkirim$")]
    private static partial Regex ConfirmationUrl();
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Palopo.Portal.Browser.Tests.Support;
using Palopo.Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Palopo.Portal.Browser.Tests;

/// <summary>
/// Issue 4 in Chromium: Disdukcapil works a citizen's birth certificate request from the queue to
/// approval (officer, then kepala), sends one back for correction, and files one at the service
/// counter. Staff work at a desk (1280x800); the review page is also checked at phone width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class OfficerJourneyTests(PortalBrowser browser)
{
    [ChromiumFact]
    public async Task Officer_works_a_request_from_the_queue_to_the_kepala_s_approval_and_the_citizen_downloads_the_issued_document()
    {
        await using var session = await browser.NewSessionAsync(Viewport.Desktop, "officer-journey");
        var page = session.Page;

        // A father applies online, then signs out.
        var father = Citizen.New("La Ode Baso Pallawa", "200488");
        await father.RegisterAndSignInAsync(session);
        var reference = await AktaKelahiran.ApplyAsync(session, father);
        await session.SignOutAsync();

        // The officer signs in with a code and lands on the workspace: the request is counted as new
        // for akta-kelahiran's first step, and that count opens a list holding it.
        await Staff.DisdukcapilOfficer.SignInAsync(session);
        await page.ExpectPageAsync("/petugas", "id", "Ruang kerja petugas");
        var firstStep = page.Locator("#service-akta-kelahiran tr[data-step='0']");
        await Expect(firstStep.Locator("th")).ToHaveTextAsync("1. Verifikasi berkas");
        var newCount = firstStep.Locator("td[data-count='new'] a");
        Assert.True(await CountAsync(newCount) >= 1, "the new request is counted as new at step 1");
        Assert.True(await CountAsync(page.Locator("#queue-summary a[data-count='new'] strong")) >= 1, "the workspace total counts it too");
        await session.CheckPageAsync("workspace");

        await newCount.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/petugas/antrian\?layanan=akta-kelahiran&tahap=0&status=Submitted$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Antrian permohonan");
        var row = page.Locator($"#queue tr[data-reference='{reference}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Akta Kelahiran");
        await Expect(row).ToContainTextAsync("1. Verifikasi berkas");
        await Expect(row).ToContainTextAsync(father.FullName);
        await Expect(row.Locator(".queue-officer")).ToHaveTextAsync("Belum diambil");
        await session.CheckPageAsync("queue-new-akta-step-1");

        // The review page: the answers, the documents, the legal clock; nobody has it yet.
        await row.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await page.ExpectPageAsync($"/petugas/permohonan/{reference}", "id", "Akta Kelahiran");
        await Expect(page.Locator("#reference-number")).ToHaveTextAsync(reference);
        await Expect(page.Locator("#review-status")).ToContainTextAsync("Diajukan");
        await Expect(page.Locator("#review-step")).ToContainTextAsync("Verifikasi berkas (tahap 1 dari 2)");
        await Expect(page.Locator("#review-assigned")).ToHaveTextAsync("Belum ada");
        await Expect(page.Locator("#answers")).ToContainTextAsync(AktaKelahiran.ChildName);
        await Expect(page.Locator("#documents")).ToContainTextAsync("surat-keterangan-lahir.pdf");
        await Expect(page.Locator("#documents")).ToContainTextAsync("kartu-keluarga.png");
        await Expect(page.Locator("#legal-clock")).ToContainTextAsync("5 hari kerja");
        await session.CheckPageAsync("review-unclaimed");
        await session.CheckPageAtAsync(Viewport.Phone, "review-unclaimed");

        // "Ambil": the officer now handles it.
        await page.Locator("#claim").GetByRole(AriaRole.Button, new() { Name = "Ambil", Exact = true }).ClickAsync();
        await page.ExpectPageAsync($"/petugas/permohonan/{reference}", "id", "Akta Kelahiran");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Permohonan ini sekarang Anda tangani.");
        await Expect(page.Locator("#review-assigned")).ToHaveTextAsync("Rahmat Hidayat (Anda)");
        await Expect(page.Locator("#claim")).ToHaveCountAsync(0);
        await session.CheckPageAsync("review-claimed");

        // Step 1, verifikasi berkas, approved with a note: the request moves on to the kepala.
        await page.GetByLabel("Catatan untuk riwayat (opsional)", new() { Exact = true }).FillAsync("Berkas lengkap dan sesuai.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Setujui tahap Verifikasi berkas", Exact = true }).ClickAsync();
        await page.ExpectPageAsync($"/petugas/permohonan/{reference}", "id", "Akta Kelahiran");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tahap disetujui; permohonan diteruskan ke tahap berikutnya.");
        await Expect(page.Locator("#review-step")).ToContainTextAsync("Persetujuan kepala (tahap 2 dari 2)");
        await Expect(page.Locator("#step-role")).ToHaveTextAsync("Yang dapat memutus: kepala");
        await Expect(page.Locator("#approve-not-yours")).ToHaveTextAsync("Tahap \"Persetujuan kepala\" hanya dapat disetujui oleh kepala.");
        await Expect(page.Locator("#approve-button")).ToHaveCountAsync(0);
        await Expect(page.Locator("#timeline")).ToContainTextAsync("Berkas lengkap dan sesuai.");
        await session.CheckPageAsync("review-step-1-approved");
        await session.SignOutAsync();

        // The kepala signs in on the workload page: the officer has one open request more than nobody.
        await Staff.DisdukcapilHead.SignInAsync(session, "/petugas/kepala");
        await page.ExpectPageAsync("/petugas/kepala", "id", "Beban kerja dan tenggat");
        var officerRow = page.Locator("#workload tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Rahmat Hidayat", Exact = true }) });
        Assert.True(await CountAsync(officerRow.Locator("td[data-col='open']")) >= 1, "the officer's open requests include the claimed one");
        await session.CheckPageAsync("supervisor-workload");

        // ... and finds the request in the queue by its reference number.
        await page.NavLink("Ruang kerja petugas").ClickAsync();
        await page.ExpectPageAsync("/petugas", "id", "Ruang kerja petugas");
        await session.CheckPageAsync("supervisor-workspace");
        await page.Locator("#open-queue").ClickAsync();
        await page.ExpectPageAsync("/petugas/antrian", "id", "Antrian permohonan");
        await page.GetByLabel("Cari nomor permohonan", new() { Exact = true }).FillAsync(reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Terapkan", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/petugas/antrian\\?.*cari={Regex.Escape(reference)}"));
        var found = page.Locator($"#queue tr[data-reference='{reference}']");
        await Expect(page.Locator("#queue tbody tr")).ToHaveCountAsync(1);
        await Expect(found).ToContainTextAsync("2. Persetujuan kepala");
        await Expect(found.Locator(".queue-officer")).ToHaveTextAsync("Rahmat Hidayat");
        await session.CheckPageAsync("supervisor-queue-search");

        await found.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await page.ExpectPageAsync($"/petugas/permohonan/{reference}", "id", "Akta Kelahiran");
        await Expect(page.Locator("#approve-block h3")).ToHaveTextAsync("Setujui permohonan (tahap terakhir)");
        await session.CheckPageAsync("supervisor-review");

        await page.GetByRole(AriaRole.Button, new() { Name = "Setujui permohonan", Exact = true }).ClickAsync();
        await page.ExpectPageAsync($"/petugas/permohonan/{reference}", "id", "Akta Kelahiran");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Permohonan disetujui. Pemohon sudah diberi tahu.");
        // The akta is issued by the portal the moment the last step is approved.
        await Expect(page.Locator("#review-status")).ToContainTextAsync("Selesai, dokumen terbit");
        await Expect(page.Locator("#no-decisions")).ToContainTextAsync("berstatus Selesai, dokumen terbit");
        await Expect(page.Locator("#approve-block")).ToHaveCountAsync(0);
        await session.CheckPageAsync("supervisor-approved");
        await session.SignOutAsync();

        // The father signs in again and reads the outcome on his request's page.
        await father.SignInAsync(session);
        await session.GotoAsync($"/permohonan/{reference}");
        await page.ExpectPageAsync($"/permohonan/{reference}", "id", "Akta Kelahiran");
        await Expect(page.Locator("#status")).ToContainTextAsync("Selesai, dokumen terbit");
        await Expect(page.Locator("#issued-download")).ToHaveAttributeAsync("href", $"/permohonan/{reference}/dokumen");
        await session.CheckPageAsync("citizen-sees-issued");
    }

    [ChromiumFact]
    public async Task Officer_sends_a_request_back_with_one_field_marked_after_the_form_explains_what_is_missing()
    {
        await using var session = await browser.NewSessionAsync(Viewport.Desktop, "officer-send-back");
        var page = session.Page;

        var father = Citizen.New("Andi Muh. Yusuf", "150387");
        await father.RegisterAndSignInAsync(session);
        var reference = await AktaKelahiran.ApplyAsync(session, father);
        await session.SignOutAsync();

        await Staff.DisdukcapilOfficer.SignInAsync(session, $"/petugas/permohonan/{reference}");
        await page.ExpectPageAsync($"/petugas/permohonan/{reference}", "id", "Akta Kelahiran");
        var sendBack = page.Locator("#send-back-block");
        await sendBack.Locator("summary").ClickAsync();
        await Expect(sendBack).ToHaveAttributeAsync("open", "");
        await session.CheckPageAsync("review-send-back-open");

        // Nothing ticked: the page says so at the top and above the list, and nothing changes.
        await sendBack.GetByRole(AriaRole.Button, new() { Name = "Kembalikan ke pemohon", Exact = true }).ClickAsync();
        var summary = page.Locator("#review-message");
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync(PortalText.Indonesian.ErrorSummaryTitle);
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync("Centang paling sedikit satu isian atau berkas yang perlu diperbaiki.");
        await Expect(page.Locator("#send-back-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#review-status")).ToContainTextAsync("Diajukan");
        await session.CheckPageAsync("send-back-nothing-ticked");
        await session.CheckPageAtAsync(Viewport.Phone, "send-back-nothing-ticked");

        // Ticked without a reason: the reason box is marked, the tick is kept.
        var tick = page.Locator("#tandai_f_nama_anak");
        var reason = page.GetByLabel("Alasan untuk \"Nama lengkap anak\"", new() { Exact = true });
        await tick.CheckAsync();
        await sendBack.GetByRole(AriaRole.Button, new() { Name = "Kembalikan ke pemohon", Exact = true }).ClickAsync();
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync("Nama lengkap anak: Tulis alasan untuk butir yang dicentang ini.");
        await Expect(reason).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(tick).ToBeCheckedAsync();
        await session.CheckPageAsync("send-back-reason-missing");

        await reason.FillAsync("Nama anak tidak sama dengan surat keterangan lahir.");
        await sendBack.GetByRole(AriaRole.Button, new() { Name = "Kembalikan ke pemohon", Exact = true }).ClickAsync();
        await page.ExpectPageAsync($"/petugas/permohonan/{reference}", "id", "Akta Kelahiran");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Permohonan dikembalikan ke pemohon untuk perbaikan; batas waktu dijeda.");
        await Expect(page.Locator("#review-status")).ToContainTextAsync("Perlu perbaikan");
        await Expect(page.Locator("#clock-paused")).ToBeVisibleAsync();
        await Expect(page.Locator("#send-back-block")).ToHaveCountAsync(0);
        await session.CheckPageAsync("review-needs-correction");
    }

    [ChromiumFact]
    public async Task Counter_officer_files_for_a_walk_in_citizen_and_the_next_citizen_gets_an_empty_form()
    {
        await using var session = await browser.NewSessionAsync(Viewport.Desktop, "officer-counter");
        var page = session.Page;
        // Born 3 July 1990; no account, no phone.
        var walkIn = Citizen.New("Baso Daeng Matutu", "030790");

        await Staff.DisdukcapilOfficer.SignInAsync(session, "/petugas/loket");
        await page.ExpectPageAsync("/petugas/loket", "id", "Loket layanan");
        await session.CheckPageAsync("counter-step-1");

        // Step 1 sent empty: each problem listed and marked.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lanjutkan", Exact = true }).ClickAsync();
        await page.ExpectPageAsync("/petugas/loket", "id", "Loket layanan");
        await Expect(page.Locator(".error-summary").GetByRole(AriaRole.Link)).ToHaveCountAsync(3);
        await Expect(page.GetByLabel("NIK warga", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await session.CheckPageAsync("counter-step-1-errors");

        await page.GetByRole(AriaRole.Group, new() { Name = "Layanan", Exact = true })
            .GetByRole(AriaRole.Radio, new() { Name = "Akta Kelahiran (khusus penduduk Palopo)", Exact = true }).CheckAsync();
        await page.GetByLabel("NIK warga", new() { Exact = true }).FillAsync(walkIn.Nik);
        await page.GetByLabel("Nama lengkap warga", new() { Exact = true }).FillAsync(walkIn.FullName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lanjutkan", Exact = true }).ClickAsync();

        // Step 2: the service's own form, the walk-in's NIK as the reporter's, documents, consent.
        await page.ExpectPageAsync("/petugas/loket", "id", "Loket: Akta Kelahiran");
        await Expect(page.GetByLabel("NIK pelapor", new() { Exact = true })).ToHaveValueAsync(walkIn.Nik);
        await session.CheckPageAsync("counter-step-2");

        await AktaKelahiran.FillAsync(page, walkIn);
        await AktaKelahiran.UploadAsync(page);
        await page.GetByLabel("Warga telah membaca/dibacakan dan menyetujui", new() { Exact = true }).CheckAsync();
        await session.CheckPageAsync("counter-step-2-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan dan cetak tanda terima", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/petugas/loket/tanda-terima/PLP-\d{4}-\d{6}$"));
        var reference = (await page.Locator("#receipt-reference").InnerTextAsync()).Trim();
        Assert.Matches(AktaKelahiran.ReferencePattern(), reference);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(reference);
        await Expect(page.Locator("#receipt-code")).ToHaveTextAsync(new Regex("^[A-Z0-9]{8}$"));
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(walkIn.FullName);
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(walkIn.Nik);
        await session.CheckPageAsync("counter-receipt");

        // The next citizen: step 1 again, nothing of the previous one in it.
        await page.Locator("#next-citizen").ClickAsync();
        await page.ExpectPageAsync("/petugas/loket", "id", "Loket layanan");
        await Expect(page.GetByLabel("NIK warga", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(page.GetByLabel("Nama lengkap warga", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(page.Locator("input[type=radio]:checked")).ToHaveCountAsync(0);
        await session.CheckPageAsync("counter-next-citizen");
    }

    /// <summary>The number at the start of a count's text ("3 Baru", "3 – Baru, ...", "3").</summary>
    private static async Task<int> CountAsync(ILocator locator)
    {
        var text = (await locator.First.InnerTextAsync()).Trim();
        var match = LeadingNumber().Match(text);
        Assert.True(match.Success, $"a count, found '{text}'");
        return int.Parse(match.Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();
}

using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Palopo.Portal.Application.Files;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.PersonalData;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Officer;
using MyDataTests = Palopo.Portal.Web.Tests.MyData.MyDataTests;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.PersonalData;

/// <summary>
/// UU PDP in the portal: NIKs in answers are never in the database in clear; citizens file rights
/// requests and the admin desk answers them (erasure included); consent to a new notice is asked
/// before applying; the breach register notifies each affected citizen once; the retention purge
/// removes abandoned drafts and orphaned files only.
/// </summary>
public abstract class PersonalDataRightsTests(PortalFixture portal) : ReviewTestsBase(portal)
{
    private const string Admin = "admin@palopo.test";
    private const string RightsUrl = "/data-saya/hak";

    // ---------- encryption at rest ----------

    [PortalFact]
    public async Task The_data_protection_keys_in_the_database_are_encrypted_with_a_key_from_configuration()
    {
        // Something encrypted (a citizen's NIK) makes sure the key ring exists.
        await SubmittedAktaAsync();
        var keys = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            // Data Protection writes the secret as <masterKey><value>base64</value></masterKey> unless an encryptor is set.
            Assert.DoesNotContain("<masterKey", xml ?? "", StringComparison.Ordinal);
            Assert.Contains("palopoEncryptedKey", xml ?? "", StringComparison.Ordinal);
        });
    }

    [PortalFact]
    public async Task Niks_in_request_answers_are_not_in_the_database_in_clear()
    {
        var (client, citizen, reference) = await SubmittedAktaAsync();
        string[] niks = [MotherNik, FatherNik, Witness1Nik, Witness2Nik, citizen.Nik];

        // The application still reads them back.
        var request = await RequestAsync(reference);
        Assert.Equal(MotherNik, request.Answers["nik_ibu"]);
        Assert.Equal(FatherNik, request.Answers["nik_ayah"]);
        Assert.False(string.IsNullOrEmpty(request.PrivacyNoticeVersion));

        if (App.Provider == Infrastructure.Persistence.DatabaseProvider.Sqlite)
        {
            // Everything on disk: the database file and its write-ahead log (checkpointed first, then both read).
            await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
            SqliteConnection.ClearAllPools();
            var bytes = new List<byte>(File.ReadAllBytes(Path.Combine(App.DataPath, "palopo.db")));
            var wal = Path.Combine(App.DataPath, "palopo.db-wal");
            if (File.Exists(wal))
                bytes.AddRange(File.ReadAllBytes(wal));
            var raw = bytes.ToArray();
            foreach (var nik in niks)
            {
                Assert.False(Contains(raw, Encoding.ASCII.GetBytes(nik)), $"NIK {nik[..4]}… found in clear in the SQLite file.");
                Assert.False(Contains(raw, Encoding.Unicode.GetBytes(nik)), $"NIK {nik[..4]}… found in clear (UTF-16) in the SQLite file.");
            }
        }
        else
        {
            var columns = await InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<PortalDbContext>();
                return await db.Database.SqlQueryRaw<string>("SELECT \"Answers\" AS \"Value\" FROM \"ServiceRequests\" WHERE \"ReferenceNumber\" = {0}", reference).ToListAsync();
            });
            var column = Assert.Single(columns);
            Assert.StartsWith("dp1:", column, StringComparison.Ordinal);
            Assert.All(niks, nik => Assert.DoesNotContain(nik, column, StringComparison.Ordinal));
        }

        // Masked on the citizen's own page, never in the URL.
        var page = await client.GetPageAsync("/permohonan/" + reference);
        Assert.DoesNotContain(MotherNik, page.Html, StringComparison.Ordinal);
    }

    // ---------- rights requests ----------

    [PortalFact]
    public async Task A_citizen_files_a_rights_request_sees_its_due_date_and_no_one_else_can_open_it()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var (other, _) = await SignedInCitizenAsync();
        var before = DateTime.UtcNow;

        using var response = await client.SubmitFormAsync(MyDataTests.MyDataUrl, new Dictionary<string, string?>
        {
            ["kind"] = nameof(RightsRequestKind.Correction),
            ["details"] = "Nama saya salah eja: seharusnya Andi Muh. Ilham.",
        }, RightsUrl);
        var location = Redirects.AssertRedirect(response);
        Assert.Matches(@"^/data-saya/hak/[0-9a-f-]{36}$", location);
        var page = await client.GetPageAsync(location);
        Assert.Equal(T.Id("MyData.Rights.Kind.Correction"), page.Text("#rights-kind"));
        Assert.Equal(T.Id("Rights.Status.Received"), page.Text("#rights-status"));

        var stored = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().RightsRequests.AsNoTracking().SingleAsync(r => r.UserId == sp.GetRequiredService<PortalDbContext>().Users.Single(u => u.Email == citizen.Email).Id));
        Assert.Equal(TimeSpan.FromHours(72), stored.DueAtUtc - stored.FiledAtUtc);
        Assert.InRange(stored.FiledAtUtc, before.AddSeconds(-5), DateTime.UtcNow.AddSeconds(5));

        var list = await client.GetPageAsync(MyDataTests.MyDataUrl);
        Assert.Single(list.Document.QuerySelectorAll("#rights-list .rights-row"));

        // Citizen B: 404 on A's request, and none in their own list.
        await other.GetPageAsync(location, HttpStatusCode.NotFound);
        var otherList = await other.GetPageAsync(MyDataTests.MyDataUrl);
        Assert.True(otherList.Has("#no-rights"));

        var audit = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking().Where(a => a.SubjectId == stored.Id).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditAction.RightsRequestFiled && a.ActorUserId == stored.UserId);
        // Filing is the citizen's own act, not an access by staff: it is not in their access log.
        Assert.True(list.Has("#no-access"));
    }

    [PortalFact]
    public async Task A_rights_request_without_kind_or_details_is_shown_again_with_messages_and_nothing_saved()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        using var response = await client.SubmitFormAsync(MyDataTests.MyDataUrl, new Dictionary<string, string?>
        {
            ["kind"] = null,
            ["details"] = "Saya ingin salinan data.",
        }, RightsUrl);
        var page = await ReadInvalidAsync(response);
        Assert.Equal(T.Id("MyData.Rights.Error.Kind"), page.FieldError("Kind"));
        Assert.Equal("Saya ingin salinan data.", page.Text("#Details"));

        using var empty = await client.SubmitFormAsync(MyDataTests.MyDataUrl, new Dictionary<string, string?>
        {
            ["kind"] = nameof(RightsRequestKind.Access),
            ["details"] = "   ",
        }, RightsUrl);
        var second = await ReadInvalidAsync(empty);
        Assert.Equal(T.Id("MyData.Rights.Error.DetailsRequired"), second.FieldError("Details"));
        Assert.Equal(nameof(RightsRequestKind.Access), CheckedValue(second, "kind"));

        var id = await UserIdAsync(citizen.Email);
        Assert.Equal(0, await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().RightsRequests.CountAsync(r => r.UserId == id)));
    }

    [PortalFact]
    public async Task The_desk_lists_requests_by_deadline_answers_them_and_the_citizen_is_told()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var id = await FileAsync(client, RightsRequestKind.Access, "Mohon salinan semua data saya.");
        // An older request whose 72 hours have passed shows as overdue.
        var late = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var request = RightsRequest.File(await UserIdAsync(citizen.Email), RightsRequestKind.Objection, "Keberatan.", DateTime.UtcNow.AddHours(-80));
            db.RightsRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });

        var admin = await StaffAsync(Admin);
        var desk = await admin.GetPageAsync("/admin/hak-data");
        Assert.True(desk.Has($"#rights-desk tr.is-overdue[data-id='{late}']"), desk.MainText);
        Assert.False(desk.Has($"#rights-desk tr.is-overdue[data-id='{id}']"));

        // Completing needs an answer text.
        var details = await admin.GetPageAsync($"/admin/hak-data/{id}");
        using (var invalid = await admin.SubmitAsync(details, $"/admin/hak-data/{id}", new Dictionary<string, string?> { ["aksi"] = "Complete", ["response"] = "" }))
        {
            var page = await ReadInvalidAsync(invalid);
            Assert.Equal(T.Id("Rights.Desk.Error.ResponseRequired"), page.FieldError("response"));
        }

        using (var done = await admin.SubmitAsync(details, $"/admin/hak-data/{id}", new Dictionary<string, string?> { ["aksi"] = "Complete", ["response"] = "Salinan data Anda dapat diunduh di halaman Data Saya." }))
            Redirects.AssertRedirect(done, $"/admin/hak-data/{id}");

        var mine = await client.GetPageAsync($"/data-saya/hak/{id}");
        Assert.Equal(T.Id("Rights.Status.Completed"), mine.Text("#rights-status"));
        Assert.Contains("dapat diunduh", mine.Text("#rights-response"), StringComparison.Ordinal);
        var mails = await OutboxToAsync(citizen.Email);
        Assert.Contains(mails, m => m.Subject == PersonalDataTexts.Get("Rights.Subject", PersonalDataTexts.Culture("id")) && m.TextBody.Contains("dapat diunduh", StringComparison.Ordinal));

        // A refusal needs a reason.
        var lateDetails = await admin.GetPageAsync($"/admin/hak-data/{late}");
        using var refuse = await admin.SubmitAsync(lateDetails, $"/admin/hak-data/{late}", new Dictionary<string, string?> { ["aksi"] = "Refuse", ["response"] = " " });
        Assert.Equal(T.Id("Rights.Desk.Error.ReasonRequired"), (await ReadInvalidAsync(refuse)).FieldError("response"));
    }

    [PortalFact]
    public async Task Erasure_removes_the_account_and_nik_keeps_the_decided_request_with_its_reason()
    {
        var (client, citizen, reference) = await SubmittedAktaAsync();
        var userId = await UserIdAsync(citizen.Email);
        // The submitted request is decided (rejected); a draft is started too.
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var request = await db.ServiceRequests.SingleAsync(r => r.ReferenceNumber == reference);
            var officer = new Actor(Guid.NewGuid(), "Petugas", Roles.Officer);
            request.Assign((await FindUserAsync(Officer))!.Id, officer, DateTime.UtcNow);
            request.Reject("Data tidak lengkap.", officer, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var form = await OpenFormAsync(client);
        using (var draft = await PostFormAsync(client, form, new Dictionary<string, string?> { ["aksi"] = "simpan", [Answer("nama_anak")] = "Draf" }, [FileUpload.Pdf("doc_" + BirthNotice, "draf.pdf")]))
            Assert.True(draft.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, draft.StatusCode.ToString());
        var draftFiles = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().RequestDocuments.AsNoTracking()
            .Where(d => sp.GetRequiredService<PortalDbContext>().ServiceRequests.Any(r => r.Id == d.RequestId && r.ApplicantUserId == userId && r.Status == RequestStatus.Draft))
            .Select(d => d.StoredName).ToListAsync());
        Assert.NotEmpty(draftFiles);

        var id = await FileAsync(client, RightsRequestKind.Erasure, "Hapus semua data saya.");
        var admin = await StaffAsync(Admin);
        var page = await admin.GetPageAsync($"/admin/hak-data/{id}");
        Assert.True(page.Has("#erasure-warning"));
        using (var erase = await admin.SubmitAsync(page, $"/admin/hak-data/{id}", new Dictionary<string, string?> { ["aksi"] = "Erase", ["response"] = "Data Anda telah dihapus sesuai ketentuan." }))
            Redirects.AssertRedirect(erase, $"/admin/hak-data/{id}");

        // The person can no longer sign in, and their session is over.
        var again = NewClient();
        using (var login = await PostLoginAsync(again, citizen.Email, citizen.Password))
            Assert.False(login.StatusCode == HttpStatusCode.Redirect && login.Headers.Location?.ToString() == "/", "An erased account signed in.");
        await AssertSignedOutAsync(again);

        var user = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        Assert.Null(user.NikCipher);
        Assert.Null(user.NikHash);
        Assert.Null(user.PhoneNumber);
        Assert.NotEqual(citizen.Email, user.Email);
        Assert.NotEqual(citizen.FullName, user.FullName);
        Assert.Null(await FindUserAsync(citizen.Email));

        // The decided request stays for the archive; the draft and its files are gone; the reason is recorded.
        var kept = await RequestAsync(reference);
        Assert.Equal(RequestStatus.Rejected, kept.Status);
        Assert.Equal(0, await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.CountAsync(r => r.ApplicantUserId == userId && r.Status == RequestStatus.Draft)));
        Assert.All(draftFiles, f => Assert.False(File.Exists(StoredPath(f)), "A draft's file survived the erasure."));
        var rights = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().RightsRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(RightsRequestStatus.Completed, rights.Status);
        Assert.NotNull(rights.ErasedAtUtc);
        Assert.Contains(reference, rights.Response, StringComparison.Ordinal);
        Assert.Contains("UU 43/2009", rights.Response, StringComparison.Ordinal);
        Assert.Contains(await OutboxToAsync(citizen.Email), m => m.TextBody.Contains(reference, StringComparison.Ordinal));
        var audit = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking().Where(a => a.DataSubjectUserId == userId).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.PersonalDataErased, audit);
        Assert.Contains(AuditAction.RightsRequestAnswered, audit);
    }

    [PortalFact]
    public async Task The_desk_and_the_breach_register_are_for_admins_only()
    {
        var (citizen, _) = await SignedInCitizenAsync();
        var officer = await StaffAsync(Officer);
        foreach (var url in new[] { "/admin/hak-data", "/admin/insiden", "/admin/insiden/baru" })
        {
            foreach (var client in new[] { citizen, officer })
            {
                using var response = await client.GetAsync(url);
                var location = Redirects.AssertRedirect(response);
                Assert.StartsWith("/akun/ditolak", location, StringComparison.Ordinal);
            }
        }
    }

    // ---------- consent ----------

    [PortalFact]
    public async Task A_citizen_who_accepted_an_older_notice_is_asked_again_before_applying()
    {
        var (client, citizen) = await SignedInCitizenAsync();
        var userId = await UserIdAsync(citizen.Email);
        await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PrivacyNoticeVersion, "2020-01")));
        var current = await InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<PrivacyConsent>().CurrentVersion));

        using (var gate = await client.GetAsync(ApplyUrl))
            Redirects.AssertRedirect(gate, "/data-saya/persetujuan?kembali=" + Uri.EscapeDataString(ApplyUrl));
        var consent = await client.GetPageAsync("/data-saya/persetujuan?kembali=" + Uri.EscapeDataString(ApplyUrl));
        Assert.Contains("2020-01", consent.Text("#consent-previous"), StringComparison.Ordinal);

        using (var unticked = await client.SubmitAsync(consent, "/data-saya/persetujuan"))
            Assert.Equal(T.Id("MyData.Consent.MustAgree"), (await ReadInvalidAsync(unticked)).FieldError("setuju"));
        Assert.Equal("2020-01", (await FindUserAsync(citizen.Email))!.PrivacyNoticeVersion);

        using (var accepted = await client.SubmitAsync(consent, "/data-saya/persetujuan", new Dictionary<string, string?> { ["setuju"] = "true" }))
            Redirects.AssertRedirect(accepted, ApplyUrl);
        var user = (await FindUserAsync(citizen.Email))!;
        Assert.Equal(current, user.PrivacyNoticeVersion);
        Assert.NotNull(user.PrivacyNoticeAcceptedAtUtc);
        Assert.True(await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries.AnyAsync(a => a.Action == AuditAction.ConsentGiven && a.ActorUserId == userId && a.SubjectId == userId)));

        // The form opens now, and the submitted request records the notice's version.
        var reference = await SubmitValidAsync(client);
        Assert.Equal(current, (await RequestAsync(reference)).PrivacyNoticeVersion);
    }

    [PortalFact]
    public async Task The_consent_page_never_sends_anyone_to_another_site()
    {
        var (client, _) = await SignedInCitizenAsync();
        var page = await client.GetPageAsync("/data-saya/persetujuan?kembali=" + Uri.EscapeDataString("https://evil.example/"));
        Assert.False(page.Has("input[name=kembali]"));
        using var forged = await client.SubmitAsync(page, "/data-saya/persetujuan", new Dictionary<string, string?> { ["setuju"] = "true", ["kembali"] = "//evil.example/" });
        Redirects.AssertRedirect(forged, "/data-saya#consent");
    }

    // ---------- documents ----------

    [PortalFact]
    public async Task The_documents_zip_holds_the_citizens_uploads_only()
    {
        var (client, _, reference) = await SubmittedAktaAsync();
        var (other, _) = await SignedInCitizenAsync();

        using var response = await client.GetAsync("/data-saya/dokumen");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(2, names.Count);
        Assert.All(names, n => Assert.StartsWith(reference + "/", n, StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("surat-keterangan-lahir.pdf", StringComparison.Ordinal));
        Assert.All(zip.Entries, e => Assert.True(e.Length > 0));

        // Someone with no documents is sent back with a message.
        using var none = await other.GetAsync("/data-saya/dokumen");
        Redirects.AssertRedirect(none, "/data-saya#documents");
    }

    // ---------- breaches ----------

    [PortalFact]
    public async Task A_breach_is_recorded_counted_down_and_each_citizen_is_told_once()
    {
        var (_, citizen, reference) = await SubmittedAktaAsync();
        var (_, second) = await SignedInCitizenAsync();
        var admin = await StaffAsync(Admin);
        var discovered = DateTime.UtcNow.AddHours(8 - 2); // WITA, two hours ago
        var fields = new Dictionary<string, string?>
        {
            ["Title"] = "Berkas terbuka di folder bersama",
            ["DataAffected"] = "Nama dan berkas akta kelahiran",
            ["HowItHappened"] = "Folder bersama salah diberi akses publik.",
            ["Remedy"] = "Akses ditutup; kata sandi diganti.",
            ["OccurredAt"] = discovered.AddHours(-5).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["DiscoveredAt"] = discovered.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Affected"] = reference + "\nPLP-1999-999999",
        };

        // An unknown reference: shown again with the input kept, nothing saved.
        var before = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().DataBreaches.CountAsync());
        using (var invalid = await admin.SubmitFormAsync("/admin/insiden/baru", fields))
        {
            var page = await ReadInvalidAsync(invalid);
            Assert.Equal(T.Id("Breach.Error.Unknown"), page.Text("#Selection-error"));
            Assert.Equal("Berkas terbuka di folder bersama", page.FieldValue("Title"));
        }

        Assert.Equal(before, await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().DataBreaches.CountAsync()));

        fields["Affected"] = reference + "\n" + second.Email.ToUpperInvariant();
        using var created = await admin.SubmitFormAsync("/admin/insiden/baru", fields);
        var location = Redirects.AssertRedirect(created);
        var details = await admin.GetPageAsync(location);
        Assert.Contains(T.Id("Breach.Countdown.Left", "70"), details.Text("#breach-deadline"), StringComparison.Ordinal);
        Assert.Equal(T.Id("Breach.SubjectsCount", 0, 2), details.Text("#breach-subjects").Split('·')[0].Trim());

        using (var notify = await admin.SubmitAsync(details, location + "/beritahu"))
            Redirects.AssertRedirect(notify, location);
        var afterFirst = await admin.GetPageAsync(location);
        using (var again = await admin.SubmitAsync(afterFirst, location + "/beritahu"))
            Redirects.AssertRedirect(again, location);
        var subject = PersonalDataTexts.Get("Breach.Subject", PersonalDataTexts.Culture("id"));
        Assert.Single(await OutboxToAsync(citizen.Email), m => m.Subject == subject);
        Assert.Single(await OutboxToAsync(second.Email), m => m.Subject == subject);

        using (var authority = await admin.SubmitAsync(afterFirst, location + "/otoritas"))
            Redirects.AssertRedirect(authority, location);
        var done = await admin.GetPageAsync(location);
        Assert.True(done.Has("#authority-done"));
        Assert.Equal(T.Id("Breach.Countdown.Done"), done.Text("#breach-deadline .countdown"));
        var list = await admin.GetPageAsync("/admin/insiden");
        Assert.Contains("Berkas terbuka di folder bersama", list.Text("#breaches"), StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task A_breach_discovered_over_72_hours_ago_and_not_notified_is_overdue()
    {
        var admin = await StaffAsync(Admin);
        var (_, citizen) = await SignedInCitizenAsync();
        var local = DateTime.UtcNow.AddHours(8 - 80).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        using var created = await admin.SubmitFormAsync("/admin/insiden/baru", new Dictionary<string, string?>
        {
            ["Title"] = "Laptop hilang", ["DataAffected"] = "Daftar e-mail", ["HowItHappened"] = "Laptop petugas hilang.",
            ["Remedy"] = "Perangkat dikunci dari jauh.", ["OccurredAt"] = local, ["DiscoveredAt"] = local, ["Affected"] = citizen.Email,
        });
        var details = await admin.GetPageAsync(Redirects.AssertRedirect(created));
        Assert.Equal(T.Id("Breach.Countdown.Overdue", "8"), details.Text("#breach-deadline .countdown"));
    }

    // ---------- retention ----------

    [PortalFact]
    public async Task The_purge_deletes_drafts_abandoned_90_days_and_orphan_files_only()
    {
        var (client, citizen, reference) = await SubmittedAktaAsync();
        var (otherClient, otherCitizen) = await SignedInCitizenAsync();
        var userIds = new[] { await UserIdAsync(citizen.Email), await UserIdAsync(otherCitizen.Email) };

        // One draft per citizen (the form resumes a citizen's open draft).
        async Task<Guid> DraftAsync(PortalClient who, Guid userId)
        {
            var form = await OpenFormAsync(who);
            using var saved = await PostFormAsync(who, form, new Dictionary<string, string?> { ["aksi"] = "simpan", [Answer("nama_anak")] = "Draf" }, [FileUpload.Pdf("doc_" + BirthNotice, "draf.pdf")]);
            return await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.AsNoTracking()
                .Where(r => r.ApplicantUserId == userId && r.Status == RequestStatus.Draft).Select(r => r.Id).SingleAsync());
        }

        var fresh = await DraftAsync(client, userIds[0]);
        var now = DateTime.UtcNow;
        await SetUpdatedAsync(fresh, now.AddDays(-89));
        var stale = await DraftAsync(otherClient, userIds[1]);
        Assert.NotEqual(fresh, stale);
        await SetUpdatedAsync(stale, now.AddDays(-91));
        var staleFiles = await StoredNamesAsync(stale);
        var keptFiles = await StoredNamesAsync((await RequestAsync(reference)).Id);
        Assert.NotEmpty(staleFiles);

        // An orphan (no row) and the submitted request's files, all written two days before "now".
        var orphan = await InScopeAsync(sp => sp.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream("%PDF-1.4 orphan"u8.ToArray()), ".pdf", CancellationToken.None));
        var young = await InScopeAsync(sp => sp.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream("%PDF-1.4 in flight"u8.ToArray()), ".pdf", CancellationToken.None));
        foreach (var name in keptFiles.Append(orphan))
            File.SetLastWriteTimeUtc(StoredPath(name), now.AddDays(-2));
        File.SetLastWriteTimeUtc(StoredPath(young), now.AddHours(-1));

        var clock = new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero));
        var report = await InScopeAsync(sp => ActivatorUtilities.CreateInstance<RetentionPurge>(sp, clock).RunAsync(CancellationToken.None));
        Assert.True(report.DraftsDeleted >= 1);

        var ids = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.AsNoTracking().Where(r => userIds.Contains(r.ApplicantUserId!.Value)).Select(r => r.Id).ToListAsync());
        Assert.Contains(fresh, ids);
        Assert.Contains((await RequestAsync(reference)).Id, ids);
        Assert.DoesNotContain(stale, ids);
        Assert.All(staleFiles, f => Assert.False(File.Exists(StoredPath(f)), "The abandoned draft's file survived."));
        Assert.False(File.Exists(StoredPath(orphan)), "The orphan file survived.");
        Assert.True(File.Exists(StoredPath(young)), "A file younger than the grace period was deleted.");
        Assert.All(keptFiles, f => Assert.True(File.Exists(StoredPath(f)), "A referenced file was deleted."));
        Assert.All(await StoredNamesAsync(fresh), f => Assert.True(File.Exists(StoredPath(f))));

        // A second run (another node) finds nothing more of these.
        await InScopeAsync(sp => ActivatorUtilities.CreateInstance<RetentionPurge>(sp, clock).RunAsync(CancellationToken.None));
        Assert.True(File.Exists(StoredPath(young)));
        Assert.All(keptFiles, f => Assert.True(File.Exists(StoredPath(f))));
        Assert.Contains(fresh, await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.AsNoTracking().Select(r => r.Id).ToListAsync()));
    }

    // ---------- helpers ----------

    private static async Task<Guid> FileAsync(PortalClient client, RightsRequestKind kind, string details)
    {
        using var response = await client.SubmitFormAsync(MyDataTests.MyDataUrl, new Dictionary<string, string?> { ["kind"] = kind.ToString(), ["details"] = details }, RightsUrl);
        var location = Redirects.AssertRedirect(response);
        return Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
    }

    private Task<List<Domain.Notifications.OutboxMessage>> OutboxToAsync(string email) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking().Where(m => m.To == email).ToListAsync());

    private Task<int> SetUpdatedAsync(Guid id, DateTime atUtc) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedAtUtc, atUtc)));

    private Task<List<string>> StoredNamesAsync(Guid requestId) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().RequestDocuments.AsNoTracking().Where(d => d.RequestId == requestId).Select(d => d.StoredName).ToListAsync());

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

[Collection(SqlitePortalCollection.Name)]
public sealed class PersonalDataRightsOnSqlite(SqlitePortalFixture portal) : PersonalDataRightsTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class PersonalDataRightsOnPostgreSql(PostgreSqlPortalFixture portal) : PersonalDataRightsTests(portal);

namespace Palopo.Portal.Web.Tests.Security;

public enum Role
{
    Anonymous,
    CitizenA,
    CitizenB,
    Officer,
    OtherAgencyOfficer,
    Supervisor,
    Admin,
}

/// <summary>What one role gets from one route.</summary>
public enum Access
{
    /// <summary>Refused: a sign-in redirect, 403, the access-denied page or 404, with none of the resource's data.</summary>
    Deny,

    /// <summary>Served: 200 (GET) — or, for unsafe methods, anything but a refusal (the functional tests check the outcome).</summary>
    Allow,

    /// <summary>Let in, but sent on elsewhere (302 to a page that is not sign-in or access-denied), e.g. a form that does not apply right now.</summary>
    Redirect,
}

/// <param name="Method">GET or POST.</param>
/// <param name="Template">The route template exactly as the app's EndpointDataSource has it.</param>
/// <param name="Url">The address to hit: placeholders {ref}, {issuedref}, {doc}, {slug}, {notif}, {counterref}, {rights}, {agency}, {staff}, {holiday}, {breach} are filled by the test's seed.</param>
/// <param name="Expect">One letter per role, in <see cref="Role"/> order: A allow, R redirect, . deny.</param>
public sealed record MatrixRow(string Method, string Template, string Url, string Expect)
{
    public Access For(Role role) => Expect.Replace(" ", "", StringComparison.Ordinal)[(int)role] switch
    {
        'A' => Access.Allow,
        'R' => Access.Redirect,
        '.' => Access.Deny,
        var c => throw new InvalidOperationException($"Unknown expectation '{c}' in {Template}"),
    };

    public override string ToString() => $"{Method} {Url}";
}

/// <summary>
/// THE table: every route that is not public, per role. Resources belong to citizen A; the request is an
/// akta kelahiran of Disdukcapil (the "owning agency"); "other agency" is DPMPTSP. Add a row for every
/// new route (the coverage test fails until you do). {issuedref} is a second akta of A, approved by the
/// officer and the kepala (so issued); {rights} is A's rights request; the admin placeholders name a seeded
/// agency, the officer's account, a holiday and a recorded breach.
/// </summary>
public static class AuthorizationMatrix
{
    //                                                                                                              anon citA citB off  oth  sup  adm
    public static readonly MatrixRow[] Rows =
    [
        // ---- citizen: own requests, documents, receipts
        new("GET",  "permohonan",                                        "/permohonan",                             ".    A    A    .    .    .    ."),
        new("GET",  "permohonan/{referenceNumber}",                      "/permohonan/{ref}",                       ".    A    .    .    .    .    ."),
        new("GET",  "permohonan/{referenceNumber}/perbaiki",             "/permohonan/{ref}/perbaiki",              ".    R    .    .    .    .    ."),
        new("GET",  "permohonan/{referenceNumber}/tarik",                "/permohonan/{ref}/tarik",                 ".    A    .    .    .    .    ."),
        new("GET",  "permohonan/{referenceNumber}/berkas/{documentId:guid}", "/permohonan/{ref}/berkas/{doc}",      ".    A    .    .    .    .    ."),
        new("GET",  "permohonan/{referenceNumber}/terkirim",             "/permohonan/{ref}/terkirim",              ".    A    .    .    .    .    ."),
        new("GET",  "permohonan/{referenceNumber}/tanda-terima",         "/permohonan/{ref}/tanda-terima",          ".    A    .    .    .    .    ."),
        new("GET",  "permohonan/{referenceNumber}/dokumen",             "/permohonan/{issuedref}/dokumen",           ".    A    .    .    .    .    ."),
        new("GET",  "permohonan/klaim",                                  "/permohonan/klaim",                       ".    A    A    .    .    .    ."),
        new("GET",  "layanan/{slug}/ajukan",                             "/layanan/{slug}/ajukan",                  ".    A    A    .    .    .    ."),
        new("POST", "permohonan/{referenceNumber}/perbaiki",             "/permohonan/{ref}/perbaiki",              ".    A    .    .    .    .    ."),
        new("POST", "permohonan/{referenceNumber}/tarik",                "/permohonan/{ref}/tarik",                 ".    A    .    .    .    .    ."),
        new("POST", "permohonan/klaim",                                  "/permohonan/klaim",                       ".    A    A    .    .    .    ."),
        new("POST", "layanan/{slug}/ajukan",                             "/layanan/{slug}/ajukan",                  ".    A    A    .    .    .    ."),
        // ---- citizen: personal data
        new("GET",  "data-saya",                                         "/data-saya",                              ".    A    A    .    .    .    ."),
        new("GET",  "data-saya/unduh",                                   "/data-saya/unduh",                        ".    A    A    .    .    .    ."),
        new("POST", "data-saya/hak",                                    "/data-saya/hak",                            ".    A    A    .    .    .    ."),
        new("GET",  "data-saya/hak/{id:guid}",                          "/data-saya/hak/{rights}",                   ".    A    .    .    .    .    ."),
        new("GET",  "data-saya/dokumen",                                "/data-saya/dokumen",                        ".    A    R    .    .    .    ."),
        new("GET",  "data-saya/persetujuan",                            "/data-saya/persetujuan",                    ".    A    A    .    .    .    ."),
        new("POST", "data-saya/persetujuan",                            "/data-saya/persetujuan",                    ".    A    A    .    .    .    ."),
        // ---- notifications (everyone signed in has their own; marking another's is refused)
        new("GET",  "notifikasi",                                        "/notifikasi",                             ".    A    A    A    A    A    A"),
        new("POST", "notifikasi/tandai-semua",                           "/notifikasi/tandai-semua",                ".    A    A    A    A    A    A"),
        new("POST", "notifikasi/{id:guid}/baca",                         "/notifikasi/{notif}/baca",                ".    A    .    .    .    .    ."),
        // ---- own account
        new("GET",  "akun",                                              "/akun",                                   ".    A    A    A    A    A    A"),
        new("GET",  "akun/ubah-sandi",                                   "/akun/ubah-sandi",                        ".    A    A    A    A    A    A"),
        new("POST", "akun/ubah-sandi",                                   "/akun/ubah-sandi",                        ".    A    A    A    A    A    A"),
        new("GET",  "akun/2fa/aktifkan",                                 "/akun/2fa/aktifkan",                      ".    A    A    A    A    A    A"),
        new("POST", "akun/2fa/aktifkan",                                 "/akun/2fa/aktifkan",                      ".    A    A    A    A    A    A"),
        new("GET",  "akun/2fa/kode-pemulihan",                           "/akun/2fa/kode-pemulihan",                ".    R    R    R    R    R    R"), // shows codes only right after they are made
        new("POST", "akun/2fa/kode-pemulihan",                           "/akun/2fa/kode-pemulihan",                ".    A    A    A    A    A    A"),
        new("POST", "akun/2fa/nonaktifkan",                              "/akun/2fa/nonaktifkan",                   ".    A    A    A    A    A    A"),
        // ---- officer workspace (/petugas)
        new("GET",  "petugas",                                           "/petugas",                                ".    .    .    A    A    A    ."),
        new("GET",  "petugas/antrian",                                   "/petugas/antrian",                        ".    .    .    A    A    A    ."),
        new("GET",  "petugas/permohonan/{referenceNumber}",              "/petugas/permohonan/{ref}",               ".    .    .    A    .    A    ."),
        new("GET",  "petugas/permohonan/{referenceNumber}/berkas/{documentId:guid}", "/petugas/permohonan/{ref}/berkas/{doc}", ".    .    .    A    .    A    ."),
        new("POST", "petugas/permohonan/{referenceNumber}/ambil",        "/petugas/permohonan/{ref}/ambil",         ".    .    .    A    .    A    ."),
        new("POST", "petugas/permohonan/{referenceNumber}/setujui",      "/petugas/permohonan/{ref}/setujui",       ".    .    .    A    .    A    ."),
        new("POST", "petugas/permohonan/{referenceNumber}/kembalikan",   "/petugas/permohonan/{ref}/kembalikan",    ".    .    .    A    .    A    ."),
        new("POST", "petugas/permohonan/{referenceNumber}/tolak",        "/petugas/permohonan/{ref}/tolak",         ".    .    .    A    .    A    ."),
        new("POST", "petugas/permohonan/{referenceNumber}/catatan",      "/petugas/permohonan/{ref}/catatan",       ".    .    .    A    .    A    ."),
        // ---- issued documents: download by the owning agency; revoking is the supervisor's
        new("GET",  "petugas/permohonan/{referenceNumber}/dokumen",     "/petugas/permohonan/{issuedref}/dokumen",   ".    .    .    A    .    A    ."),
        new("POST", "petugas/permohonan/{referenceNumber}/terbitkan",   "/petugas/permohonan/{ref}/terbitkan",       ".    .    .    A    .    A    ."),
        new("GET",  "petugas/permohonan/{referenceNumber}/dokumen/cabut", "/petugas/permohonan/{issuedref}/dokumen/cabut", ".    .    .    .    .    A    ."),
        new("POST", "petugas/permohonan/{referenceNumber}/dokumen/cabut", "/petugas/permohonan/{issuedref}/dokumen/cabut", ".    .    .    .    .    A    ."),
        new("GET",  "petugas/loket",                                     "/petugas/loket",                          ".    .    .    A    A    A    ."),
        new("POST", "petugas/loket",                                     "/petugas/loket",                          ".    .    .    A    A    A    ."),
        new("GET",  "petugas/loket/{slug}",                              "/petugas/loket/{slug}",                   ".    .    .    A    .    A    ."),
        new("POST", "petugas/loket/{slug}",                              "/petugas/loket/{slug}",                   ".    .    .    A    .    A    ."),
        new("GET",  "petugas/loket/tanda-terima/{referenceNumber}",      "/petugas/loket/tanda-terima/{counterref}", ".   .    .    .    .    .    ."), // an online request has no counter receipt, for anyone
        // ---- supervisor (/petugas/kepala)
        new("GET",  "petugas/kepala",                                    "/petugas/kepala",                         ".    .    .    .    .    A    ."),
        new("GET",  "petugas/kepala/alihkan",                            "/petugas/kepala/alihkan?nomor={ref}",     ".    .    .    .    .    R    ."),
        new("GET",  "petugas/kepala/alihkan/{reference}",                "/petugas/kepala/alihkan/{ref}",           ".    .    .    .    .    A    ."),
        new("POST", "petugas/kepala/alihkan/{reference}",                "/petugas/kepala/alihkan/{ref}",           ".    .    .    .    .    A    ."),
        // ---- administration (/admin)
        new("GET",  "admin",                                             "/admin",                                  ".    .    .    .    .    .    A"),
        new("GET",  "admin/instansi",                                   "/admin/instansi",                           ".    .    .    .    .    .    A"),
        new("GET",  "admin/instansi/baru",                              "/admin/instansi/baru",                      ".    .    .    .    .    .    A"),
        new("POST", "admin/instansi/baru",                              "/admin/instansi/baru",                      ".    .    .    .    .    .    A"),
        new("GET",  "admin/instansi/{code}",                            "/admin/instansi/{agency}",                  ".    .    .    .    .    .    A"),
        new("GET",  "admin/instansi/{code}/ubah",                       "/admin/instansi/{agency}/ubah",             ".    .    .    .    .    .    A"),
        new("POST", "admin/instansi/{code}/ubah",                       "/admin/instansi/{agency}/ubah",             ".    .    .    .    .    .    A"),
        new("GET",  "admin/layanan",                                    "/admin/layanan",                            ".    .    .    .    .    .    A"),
        new("GET",  "admin/layanan/baru",                               "/admin/layanan/baru",                       ".    .    .    .    .    .    A"),
        new("POST", "admin/layanan/baru",                               "/admin/layanan/baru",                       ".    .    .    .    .    .    A"),
        new("GET",  "admin/layanan/{slug}",                             "/admin/layanan/{slug}",                     ".    .    .    .    .    .    A"),
        new("GET",  "admin/layanan/{slug}/ubah",                        "/admin/layanan/{slug}/ubah",                ".    .    .    .    .    .    A"),
        new("POST", "admin/layanan/{slug}/ubah",                        "/admin/layanan/{slug}/ubah",                ".    .    .    .    .    .    A"),
        new("POST", "admin/layanan/{slug}/pensiunkan",                  "/admin/layanan/{slug}/pensiunkan",          ".    .    .    .    .    .    A"),
        new("POST", "admin/layanan/{slug}/aktifkan",                    "/admin/layanan/{slug}/aktifkan",            ".    .    .    .    .    .    A"),
        new("GET",  "admin/layanan/{slug}/formulir",                    "/admin/layanan/{slug}/formulir",            ".    .    .    .    .    .    A"),
        new("POST", "admin/layanan/{slug}/formulir",                    "/admin/layanan/{slug}/formulir",            ".    .    .    .    .    .    A"),
        new("GET",  "admin/layanan/{slug}/alur",                        "/admin/layanan/{slug}/alur",                ".    .    .    .    .    .    A"),
        new("POST", "admin/layanan/{slug}/alur",                        "/admin/layanan/{slug}/alur",                ".    .    .    .    .    .    A"),
        new("GET",  "admin/petugas",                                    "/admin/petugas",                            ".    .    .    .    .    .    A"),
        new("GET",  "admin/petugas/undang",                             "/admin/petugas/undang",                     ".    .    .    .    .    .    A"),
        new("POST", "admin/petugas/undang",                             "/admin/petugas/undang",                     ".    .    .    .    .    .    A"),
        new("GET",  "admin/petugas/{id:guid}",                          "/admin/petugas/{staff}",                    ".    .    .    .    .    .    A"),
        new("POST", "admin/petugas/{id:guid}",                          "/admin/petugas/{staff}",                    ".    .    .    .    .    .    A"),
        new("POST", "admin/petugas/{id:guid}/undang-ulang",             "/admin/petugas/{staff}/undang-ulang",       ".    .    .    .    .    .    A"),
        new("POST", "admin/petugas/{id:guid}/nonaktifkan",              "/admin/petugas/{staff}/nonaktifkan",        ".    .    .    .    .    .    A"),
        new("POST", "admin/petugas/{id:guid}/aktifkan",                 "/admin/petugas/{staff}/aktifkan",           ".    .    .    .    .    .    A"),
        new("GET",  "admin/hari-libur",                                 "/admin/hari-libur",                         ".    .    .    .    .    .    A"),
        new("POST", "admin/hari-libur/tambah",                          "/admin/hari-libur/tambah",                  ".    .    .    .    .    .    A"),
        new("POST", "admin/hari-libur/{id:guid}/hapus",                 "/admin/hari-libur/{holiday}/hapus",         ".    .    .    .    .    .    A"),
        new("GET",  "admin/audit",                                      "/admin/audit",                              ".    .    .    .    .    .    A"),
        new("GET",  "admin/audit.csv",                                  "/admin/audit.csv",                          ".    .    .    .    .    .    A"),
        new("GET",  "admin/hak-data",                                   "/admin/hak-data",                           ".    .    .    .    .    .    A"),
        new("GET",  "admin/hak-data/{id:guid}",                         "/admin/hak-data/{rights}",                  ".    .    .    .    .    .    A"),
        new("POST", "admin/hak-data/{id:guid}",                         "/admin/hak-data/{rights}",                  ".    .    .    .    .    .    A"),
        new("GET",  "admin/insiden",                                    "/admin/insiden",                            ".    .    .    .    .    .    A"),
        new("GET",  "admin/insiden/baru",                               "/admin/insiden/baru",                       ".    .    .    .    .    .    A"),
        new("POST", "admin/insiden/baru",                               "/admin/insiden/baru",                       ".    .    .    .    .    .    A"),
        new("GET",  "admin/insiden/{id:guid}",                          "/admin/insiden/{breach}",                   ".    .    .    .    .    .    A"),
        new("POST", "admin/insiden/{id:guid}/otoritas",                 "/admin/insiden/{breach}/otoritas",          ".    .    .    .    .    .    A"),
        new("POST", "admin/insiden/{id:guid}/subjek",                   "/admin/insiden/{breach}/subjek",            ".    .    .    .    .    .    A"),
        new("POST", "admin/insiden/{id:guid}/beritahu",                 "/admin/insiden/{breach}/beritahu",          ".    .    .    .    .    .    A"),
    ];

    /// <summary>
    /// Routes anyone may use (no resource behind them, or their own checks such as a tracking code),
    /// and routes that only exist in Development. Each is still swept by the CSRF and bad-input tests.
    /// </summary>
    public static readonly HashSet<string> Public =
    [
        "GET ", "GET privasi", "GET layanan", "GET layanan/{slug}", "GET lacak", "POST lacak",
        "GET akun/daftar", "POST akun/daftar", "GET akun/daftar/terkirim", "GET akun/konfirmasi",
        "GET akun/kirim-ulang-konfirmasi", "POST akun/kirim-ulang-konfirmasi",
        "GET akun/masuk", "POST akun/masuk", "GET akun/masuk/2fa", "POST akun/masuk/2fa",
        "GET akun/masuk/kode-pemulihan", "POST akun/masuk/kode-pemulihan",
        "GET akun/keluar", "POST akun/keluar", "GET akun/ditolak",
        "GET akun/lupa-sandi", "POST akun/lupa-sandi", "GET akun/lupa-sandi/terkirim",
        "GET akun/atur-ulang-sandi", "POST akun/atur-ulang-sandi", "GET akun/atur-ulang-sandi/selesai",
        "* galat/{code:int}", "* {*path}", "GET dev/surat/{fileName}", "GET dev/surat",
        "* health/live", "* health/ready",
        // Issued-document verification is public by design (DESIGN.md): it shows only status, masked NIK and dates.
        "GET verifikasi", "GET verifikasi/{code}", "POST verifikasi/berkas",
        // A staff invitation is accepted signed out; the link's single-use token is the credential (a bad one is 404).
        "GET akun/undangan", "POST akun/undangan",
    ];
}

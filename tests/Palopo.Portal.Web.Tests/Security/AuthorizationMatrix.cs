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
/// <param name="Url">The address to hit: placeholders {ref}, {doc}, {slug}, {notif}, {counterref} are filled by the test's seed.</param>
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
/// new route (the coverage test fails until you do); add issued documents, rights requests and the
/// admin pages here as they land on main.
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
        new("GET",  "permohonan/klaim",                                  "/permohonan/klaim",                       ".    A    A    .    .    .    ."),
        new("GET",  "layanan/{slug}/ajukan",                             "/layanan/{slug}/ajukan",                  ".    A    A    .    .    .    ."),
        new("POST", "permohonan/{referenceNumber}/perbaiki",             "/permohonan/{ref}/perbaiki",              ".    A    .    .    .    .    ."),
        new("POST", "permohonan/{referenceNumber}/tarik",                "/permohonan/{ref}/tarik",                 ".    A    .    .    .    .    ."),
        new("POST", "permohonan/klaim",                                  "/permohonan/klaim",                       ".    A    A    .    .    .    ."),
        new("POST", "layanan/{slug}/ajukan",                             "/layanan/{slug}/ajukan",                  ".    A    A    .    .    .    ."),
        // ---- citizen: personal data
        new("GET",  "data-saya",                                         "/data-saya",                              ".    A    A    .    .    .    ."),
        new("GET",  "data-saya/unduh",                                   "/data-saya/unduh",                        ".    A    A    .    .    .    ."),
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
    ];
}

#!/usr/bin/env python3
"""HTTP helpers for scripts/bench.sh, standard library only, loopback only.

  signin BASE EMAIL [TOTP_SECRET]       prints the auth cookie "name=value" (password, then TOTP)
  timing URL COOKIE MARKER [N]          N (500) sequential GETs after 50 warm-ups: "p50_ms p95_ms"
  upload BASE COOKIE N CONCURRENCY KB   N birth-certificate applications, each with a KB-sized PDF,
                                        CONCURRENCY at a time: "ok errors seconds rate_per_s p95_ms"
"""
import base64, concurrent.futures, datetime, hashlib, hmac, http.cookiejar, re, statistics, struct, sys, time, uuid
import urllib.error, urllib.parse, urllib.request

PASSWORD = "demo-palopo-2026"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def opener_with(jar):
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def token(html):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)


def totp(secret):
    key = base64.b32decode(secret)
    h = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    o = h[-1] & 15
    return "%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000)


def signin(base, email, secret=None):
    jar = http.cookiejar.CookieJar()
    opener = opener_with(jar)

    def get(path):
        with opener.open(base + path, timeout=30) as r:
            return r.read().decode()

    def post(path, fields):
        data = urllib.parse.urlencode(fields).encode()
        try:
            with opener.open(urllib.request.Request(base + path, data=data), timeout=30) as r:
                return r.status, r.headers.get("Location")
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Location")

    status, loc = post("/akun/masuk", {"Email": email, "Password": PASSWORD, "__RequestVerificationToken": token(get("/akun/masuk"))})
    assert status == 302, (status, loc)
    if loc.startswith("/akun/masuk/2fa"):
        status, loc = post("/akun/masuk/2fa", {"Code": totp(secret), "__RequestVerificationToken": token(get(loc))})
        assert status == 302, (status, loc)
    # The antiforgery cookie goes along too: the upload driver needs it for its form posts.
    return "; ".join(f"{c.name}={c.value}" for c in jar if c.name.endswith("Auth") or c.name.endswith("Antiforgery"))


def timing(url, cookie, marker, n=500):
    def once():
        req = urllib.request.Request(url, headers={"Cookie": cookie})
        t = time.perf_counter()
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
            assert r.status == 200 and marker.encode() in body, r.status
        return (time.perf_counter() - t) * 1000
    for _ in range(50):
        once()
    samples = sorted(once() for _ in range(n))
    q = statistics.quantiles(samples, n=100)
    return f"{q[49]:.1f} {q[94]:.1f}"


def pdf_of(kb):
    head = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    tail = b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    pad = kb * 1024 - len(head) - len(tail)
    lines = b"".join(b"%" + b"x" * 78 + b"\n" for _ in range(pad // 80))
    return head + lines + b"%" * (pad - len(lines) - 1) + b"\n" + tail


PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def multipart(fields, files):
    boundary = "----palopo" + uuid.uuid4().hex
    out = []
    for k, v in fields:
        out.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    for name, filename, ctype, content in files:
        out.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\nContent-Type: {ctype}\r\n\r\n'.encode())
        out.append(content)
        out.append(b"\r\n")
    out.append(f"--{boundary}--\r\n".encode())
    return b"".join(out), f"multipart/form-data; boundary={boundary}"


def answers():
    today = datetime.date.today()
    a = {
        "nama_anak": "Muhammad Fathir Ramadhan", "jenis_kelamin_anak": "L",
        "tanggal_lahir_anak": (today - datetime.timedelta(days=10)).isoformat(),
        "tempat_lahir_anak": "RSUD Sawerigading Palopo", "kelurahan_lahir": None, "anak_ke": "2",
        "berat_lahir_gram": "3200", "nik_ibu": "7373014505950003", "nama_ibu": "Sitti Aisyah",
        "nik_ayah": "7373011203900004", "nama_ayah": "Andi Baso Mappanyukki", "orang_tua_menikah": "ya",
        "hubungan_pelapor": "ayah", "nik_saksi1": "7373020101800005", "nama_saksi1": "Muh. Arfah",
        "nik_saksi2": "7373030202850006", "nama_saksi2": "Hj. Nurhayati",
    }
    return a


def upload(base, cookie, n, concurrency, kb):
    pdf = pdf_of(kb)
    url = base + "/layanan/akta-kelahiran/ajukan"
    opener = urllib.request.build_opener(NoRedirect)

    def one(_):
        t = time.perf_counter()
        with opener.open(urllib.request.Request(url, headers={"Cookie": cookie}), timeout=30) as r:
            html = r.read().decode()
        hidden = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
        hidden.update(re.findall(r'<input[^>]*name="([^"]+)"[^>]*type="hidden"[^>]*value="([^"]*)"', html))
        nik = re.search(r'name="Answers\[nik_pelapor\]"[^>]*value="([^"]*)"', html) or re.search(r'value="([^"]*)"[^>]*name="Answers\[nik_pelapor\]"', html)
        kel = re.search(r'name="Answers\[kelurahan_lahir\]".*?<option value="([^"]+)"', html, re.S)
        fields = [(k, v) for k, v in hidden.items()]
        for k, v in answers().items():
            fields.append((f"Answers[{k}]", v if v is not None else kel.group(1)))
        if nik:
            fields.append(("Answers[nik_pelapor]", nik.group(1)))
        fields.append(("aksi", "kirim"))
        body, ctype = multipart(fields, [("doc_surat_lahir", "surat-keterangan-lahir.pdf", "application/pdf", pdf),
                                         ("doc_kartu_keluarga", "kk-foto.png", "image/png", PNG)])
        req = urllib.request.Request(url, data=body, headers={"Cookie": cookie, "Content-Type": ctype})
        try:
            with opener.open(req, timeout=60) as r:
                status, loc = r.status, r.headers.get("Location", "")
        except urllib.error.HTTPError as e:
            status, loc = e.code, e.headers.get("Location", "")
        ok = status == 302 and re.match(r"^/permohonan/PLP-\d{4}-\d{6}/terkirim$", loc or "") is not None
        if not ok:
            print(f"submission failed: {status} {loc}", file=sys.stderr)
        return ok, (time.perf_counter() - t) * 1000

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one, range(n), timeout=600))
    elapsed = time.perf_counter() - start
    ok = sum(1 for r in results if r[0])
    p95 = statistics.quantiles(sorted(r[1] for r in results), n=100)[94]
    return f"{ok} {n - ok} {elapsed:.1f} {ok / elapsed:.1f} {p95:.0f}"


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "signin":
        print(signin(*args))
    elif cmd == "timing":
        print(timing(args[0], args[1], args[2], int(args[3]) if len(args) > 3 else 500))
    elif cmd == "upload":
        print(upload(args[0], args[1], int(args[2]), int(args[3]), int(args[4])))
    else:
        sys.exit(f"unknown command {cmd}")

using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using Palopo.Portal.Application.Documents;
using QRCoder;

namespace Palopo.Portal.Infrastructure.Documents;

/// <summary>
/// Lays out an issued document on one A4 page like a city letter: the kop surat (city, agency, a double
/// rule), the title and number, the holder's details in a table, the electronic signature block, and
/// at the bottom right the QR code that opens the verification page, with the code printed under it.
/// </summary>
internal sealed class PdfDocumentRenderer : IDocumentRenderer
{
    private const double Margin = 56; // 2 cm
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    private static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);
    private static readonly XColor Brand = XColor.FromArgb(0x0B, 0x4F, 0x8A);

    public PdfDocumentRenderer() => EmbeddedFontResolver.Install();

    public byte[] Render(DocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var document = new PdfDocument();
        document.Info.Title = $"{content.Title} {content.Number}";
        document.Info.Author = "Pemerintah Kota Palopo";
        document.Info.Subject = content.AgencyName;
        document.Info.Creator = "Portal Layanan Kota Palopo";
        document.Info.Keywords = $"verifikasi:{content.VerificationCodeDisplay}";
        // The seal over the printed facts travels with the file (HMAC with the city's key).
        document.Info.Elements.SetString("/PalopoSeal", content.ContentSeal);
        document.Info.Elements.SetString("/PalopoVerification", content.VerificationUrl);

        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
            Draw(gfx, page.Width.Point, page.Height.Point, content);

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Draw(XGraphics gfx, double width, double height, DocumentContent c)
    {
        var family = EmbeddedFontResolver.Family;
        var inner = width - (2 * Margin);
        var ink = new XSolidBrush(Ink);
        var muted = new XSolidBrush(Muted);
        var brand = new XSolidBrush(Brand);
        var y = Margin;

        // ---- kop surat
        Centered(gfx, "PEMERINTAH KOTA PALOPO", new XFont(family, 15, XFontStyleEx.Bold), brand, width, ref y, 20);
        Centered(gfx, c.AgencyName.ToUpper(Indonesian), new XFont(family, 12, XFontStyleEx.Bold), ink, width, ref y, 17);
        Centered(gfx, "Portal Layanan Publik Kota Palopo · " + Host(c.VerificationPageUrl), new XFont(family, 8.5), muted, width, ref y, 14);
        y += 4;
        gfx.DrawLine(new XPen(Ink, 2.2), Margin, y, width - Margin, y);
        gfx.DrawLine(new XPen(Ink, 0.6), Margin, y + 3.5, width - Margin, y + 3.5);
        y += 36;

        // ---- title
        var titleFont = new XFont(family, 16, XFontStyleEx.Bold);
        foreach (var line in Wrap(gfx, c.Title.ToUpper(Indonesian), titleFont, inner))
            Centered(gfx, line, titleFont, ink, width, ref y, 21);
        Centered(gfx, "Nomor: " + c.Number, new XFont(family, 10.5), ink, width, ref y, 16);
        y += 22;

        // ---- body
        var body = new XFont(family, 10.5);
        var bold = new XFont(family, 10.5, XFontStyleEx.Bold);
        y = Paragraph(gfx, $"Pemerintah Kota Palopo melalui {c.AgencyName} menerangkan bahwa dokumen {c.Title} diterbitkan untuk:", body, ink, inner, y);
        y += 10;

        var rows = new (string Label, string Value, bool Strong)[]
        {
            ("Nama", c.HolderName, true),
            ("NIK", c.HolderNikMasked ?? "-", false),
            ("Jenis dokumen", c.Title, false),
            ("Nomor dokumen", c.Number, false),
            ("Nomor permohonan", c.ReferenceNumber, false),
            ("Tanggal terbit", c.IssuedOn.ToString("d MMMM yyyy", Indonesian), false),
            ("Instansi penerbit", c.AgencyName, false),
        };
        const double labelWidth = 130;
        foreach (var (label, value, strong) in rows)
        {
            gfx.DrawString(label, body, muted, new XRect(Margin + 12, y, labelWidth, 16), XStringFormats.TopLeft);
            gfx.DrawString(":", body, muted, new XRect(Margin + 12 + labelWidth, y, 10, 16), XStringFormats.TopLeft);
            var lines = Wrap(gfx, value, strong ? bold : body, inner - labelWidth - 34);
            foreach (var line in lines)
            {
                gfx.DrawString(line, strong ? bold : body, ink, new XRect(Margin + 24 + labelWidth, y, inner - labelWidth - 34, 16), XStringFormats.TopLeft);
                y += 16;
            }

            y += 3;
        }

        y += 12;
        y = Paragraph(gfx,
            "Dokumen ini diterbitkan secara elektronik melalui Portal Layanan Publik Kota Palopo dan sah tanpa tanda tangan basah. " +
            "Keaslian dan keberlakuannya dapat diperiksa oleh siapa pun dengan memindai kode QR pada dokumen ini atau memasukkan " +
            $"kode verifikasi di {c.VerificationPageUrl}.", body, ink, inner, y);

        // ---- signature block (right half)
        y += 30;
        var signX = Margin + (inner / 2) + 20;
        var signWidth = (inner / 2) - 20;
        foreach (var (text, font) in new[]
                 {
                     ($"Palopo, {c.IssuedOn.ToString("d MMMM yyyy", Indonesian)}", body),
                     ($"a.n. Kepala {c.AgencyName}", body),
                 })
        {
            foreach (var line in Wrap(gfx, text, font, signWidth))
            {
                gfx.DrawString(line, font, ink, new XRect(signX, y, signWidth, 15), XStringFormats.TopLeft);
                y += 15;
            }
        }

        y += 10;
        var stamp = new XRect(signX, y, signWidth, 34);
        gfx.DrawRectangle(new XPen(Brand, 0.8) { DashStyle = XDashStyle.Dash }, stamp);
        gfx.DrawString("DITANDATANGANI SECARA ELEKTRONIK", new XFont(family, 7.5, XFontStyleEx.Bold), brand,
            new XRect(stamp.X, stamp.Y + 7, stamp.Width, 10), XStringFormats.TopCenter);
        gfx.DrawString("segel HMAC-SHA256 Pemerintah Kota Palopo", new XFont(family, 7), muted,
            new XRect(stamp.X, stamp.Y + 19, stamp.Width, 10), XStringFormats.TopCenter);
        y += 46;
        gfx.DrawString(c.IssuedByName, bold, ink, new XRect(signX, y, signWidth, 15), XStringFormats.TopLeft);

        // ---- footer: rule, verification text (left), QR with the code (right)
        const double qrSize = 96;
        var qrTop = height - Margin - qrSize - 26;
        gfx.DrawLine(new XPen(Muted, 0.5), Margin, qrTop - 12, width - Margin, qrTop - 12);
        var qrX = width - Margin - qrSize;
        DrawQr(gfx, c.VerificationUrl, qrX, qrTop, qrSize);
        gfx.DrawString(c.VerificationCodeDisplay, new XFont(family, 8.5, XFontStyleEx.Bold), ink,
            new XRect(qrX - 30, qrTop + qrSize + 3, qrSize + 30, 11), XStringFormats.TopRight);
        gfx.DrawString("Verifikasi di " + c.VerificationPageUrl, new XFont(family, 7), muted,
            new XRect(qrX - 130, qrTop + qrSize + 14, qrSize + 130, 10), XStringFormats.TopRight);

        var small = new XFont(family, 8);
        var footY = qrTop;
        foreach (var line in new[]
                 {
                     "Kode verifikasi: " + c.VerificationCodeDisplay,
                     "Pindai kode QR di samping atau buka " + c.VerificationPageUrl,
                     "dan masukkan kode verifikasi untuk memastikan dokumen ini asli",
                     "dan belum dicabut. Berkas PDF asli juga dapat diunggah di sana.",
                     "",
                     "Petugas tidak pernah meminta kata sandi atau kode OTP Anda.",
                 })
        {
            gfx.DrawString(line, small, muted, new XRect(Margin, footY, qrX - Margin - 16, 11), XStringFormats.TopLeft);
            footY += 12;
        }
    }

    private static void DrawQr(XGraphics gfx, string url, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var bmp = new BitmapByteQRCode(data).GetGraphic(8);
        using var stream = new MemoryStream(bmp, writable: false);
        using var image = XImage.FromStream(stream);
        image.Interpolate = false; // sharp module edges when printed or rasterised
        gfx.DrawImage(image, x, y, size, size);
    }

    private static void Centered(XGraphics gfx, string text, XFont font, XBrush brush, double pageWidth, ref double y, double lineHeight)
    {
        gfx.DrawString(text, font, brush, new XRect(0, y, pageWidth, lineHeight), XStringFormats.TopCenter);
        y += lineHeight;
    }

    private static double Paragraph(XGraphics gfx, string text, XFont font, XBrush brush, double width, double y)
    {
        var lines = Wrap(gfx, text, font, width);
        var lineHeight = font.Size * 1.45;
        var formatter = new XTextFormatter(gfx) { Alignment = XParagraphAlignment.Justify };
        var box = new XRect(Margin, y, width, (lines.Count * lineHeight) + 4);
        formatter.DrawString(text, font, brush, box, XStringFormats.TopLeft);
        return y + (lines.Count * font.GetHeight()) + 4;
    }

    /// <summary>Greedy word wrap by measured width (only used to know how many lines a text takes, and for short fields).</summary>
    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0 || lines.Count == 0)
            lines.Add(current);
        return lines;
    }

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : url;
}

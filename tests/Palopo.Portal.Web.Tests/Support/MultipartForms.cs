using System.Net.Http.Headers;
using System.Text;

namespace Palopo.Portal.Web.Tests.Support;

/// <summary>A file chosen in a form's file input: the input's name, the file name the browser sends, the bytes.</summary>
public sealed record FileUpload(string Field, string FileName, byte[] Content, string ContentType = "application/octet-stream")
{
    /// <summary>A small but complete PDF (header, one empty page, cross-reference table, trailer).</summary>
    public static byte[] PdfBytes { get; } = MakePdf();

    /// <summary>A real 1×1 PNG.</summary>
    public static byte[] PngBytes { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static FileUpload Pdf(string field, string fileName = "dokumen.pdf") => new(field, fileName, PdfBytes, "application/pdf");

    public static FileUpload Png(string field, string fileName = "foto.png") => new(field, fileName, PngBytes, "image/png");

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
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}

/// <summary>Posting forms with file inputs (enctype="multipart/form-data") the way a browser does.</summary>
public static class MultipartForms
{
    /// <summary>
    /// Submits the form of <paramref name="page"/> whose action is <paramref name="action"/> as
    /// multipart/form-data: every field the page rendered (antiforgery token included) with
    /// <paramref name="fields"/> laid over them (a null value removes a field), and for each file
    /// input either the chosen file of <paramref name="files"/> or, as a browser sends for an
    /// input left empty, an empty part with an empty file name.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitMultipartAsync(
        this PortalClient client, HtmlPage page, string action,
        IReadOnlyDictionary<string, string?>? fields = null, IReadOnlyList<FileUpload>? files = null)
    {
        var form = page.Form(action);
        var values = FormFields.Of(form);
        foreach (var (name, value) in fields ?? new Dictionary<string, string?>())
        {
            values.RemoveAll(f => f.Key == name);
            if (value is not null)
                values.Add(new(name, value));
        }

        var chosen = files ?? [];
        var fileInputs = form.QuerySelectorAll("input[type=file]")
            .Select(input => input.GetAttribute("name"))
            .OfType<string>()
            .ToList();

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
            content.Add(new StringContent(value, Encoding.UTF8), name);
        foreach (var input in fileInputs.Where(input => chosen.All(f => f.Field != input)))
            content.Add(FilePart(input, "", [], "application/octet-stream"));
        foreach (var file in chosen)
            content.Add(FilePart(file.Field, file.FileName, file.Content, file.ContentType));

        return await client.Http.PostAsync(new Uri(form.GetAttribute("action") ?? page.Path, UriKind.RelativeOrAbsolute), content);
    }

    /// <summary>
    /// A file part with the Content-Disposition written out as a browser writes it (name and
    /// filename quoted, no filename*), so a file name is sent exactly as given, path characters included.
    /// </summary>
    private static ByteArrayContent FilePart(string field, string fileName, byte[] bytes, string contentType)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name={Quote(field)}; filename={Quote(fileName)}");
        return part;
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "%22", StringComparison.Ordinal) + "\"";
}

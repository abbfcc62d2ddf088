using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Files;

/// <summary>Recognises allowed file types by their first bytes (magic numbers), not by their names.</summary>
public static class FileTypeSniffer
{
    public const int HeaderLength = 8;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static DocumentFileType? Detect(ReadOnlySpan<byte> header) =>
        header.StartsWith(Pdf) ? DocumentFileType.Pdf
        : header.StartsWith(Png) ? DocumentFileType.Png
        : header.StartsWith(Jpeg) ? DocumentFileType.Jpeg
        : null;

    public static string ContentType(DocumentFileType type) => type switch
    {
        DocumentFileType.Pdf => "application/pdf",
        DocumentFileType.Jpeg => "image/jpeg",
        DocumentFileType.Png => "image/png",
        _ => "application/octet-stream",
    };

    public static string Extension(DocumentFileType type) => type switch
    {
        DocumentFileType.Pdf => ".pdf",
        DocumentFileType.Jpeg => ".jpg",
        DocumentFileType.Png => ".png",
        _ => ".bin",
    };

    /// <summary>Whether a file name's extension agrees with the detected type (a renamed .exe fails twice: by content and by name).</summary>
    public static bool ExtensionMatches(string fileName, DocumentFileType type)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return type switch
        {
            DocumentFileType.Pdf => extension == ".pdf",
            DocumentFileType.Jpeg => extension is ".jpg" or ".jpeg",
            DocumentFileType.Png => extension == ".png",
            _ => false,
        };
    }

    /// <summary>The last path segment of a client's file name, without control characters, at most 100 characters.</summary>
    public static string SafeFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*')).ToArray()).Trim().TrimStart('.');
        if (name.Length > 100)
            name = name[..(100 - Path.GetExtension(name).Length)] + Path.GetExtension(name);
        return name.Length == 0 ? "berkas" : name;
    }
}

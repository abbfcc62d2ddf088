using PdfSharp.Fonts;

namespace Palopo.Portal.Infrastructure.Documents;

/// <summary>
/// PDFsharp's fonts come from this assembly (DejaVu Sans, embedded resources), never from the system:
/// the PDF looks the same on every server and in every container.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
                return;
            if (GlobalFontSettings.FontResolver is null)
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every family maps to DejaVu Sans: a typo in a family name must not become a missing glyph.
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        var name = faceName == Bold ? Bold : Regular;
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"Palopo.Portal.Infrastructure.Documents.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"Embedded font {name}.ttf is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

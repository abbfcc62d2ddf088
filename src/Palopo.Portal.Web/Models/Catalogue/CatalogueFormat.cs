using System.Globalization;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Models.Catalogue;

/// <summary>How the catalogue writes fees, service times, file types and sizes.</summary>
public static class CatalogueFormat
{
    /// <summary>Rupiah amounts are written the Indonesian way in both languages: "Rp 50.000".</summary>
    private static readonly CultureInfo Rupiah = CultureInfo.GetCultureInfo("id-ID");

    private const decimal BytesPerMegabyte = 1024 * 1024;

    /// <summary>"en" or "id": the language of the page.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "id";

    /// <summary>"Gratis" / "Free", or "Rp 50.000".</summary>
    public static string Fee(decimal fee, IStringLocalizer t) =>
        fee == 0 ? t["Catalogue.Free"] : string.Format(Rupiah, "Rp {0:N0}", fee);

    /// <summary>"5 hari kerja" / "5 working days".</summary>
    public static string ServiceTime(int workingDays, IStringLocalizer t) =>
        t.Count("Catalogue.ServiceDays", workingDays);

    /// <summary>A size limit in megabytes, in the page's number format: "2", "0,5".</summary>
    public static string Megabytes(long bytes) => (bytes / BytesPerMegabyte).ToString("0.#", CultureInfo.CurrentCulture);

    /// <summary>"PDF, JPEG, PNG".</summary>
    public static string FileTypes(IEnumerable<DocumentFileType> types) =>
        string.Join(", ", types.Select(type => type switch
        {
            DocumentFileType.Pdf => "PDF",
            DocumentFileType.Jpeg => "JPEG",
            DocumentFileType.Png => "PNG",
            _ => type.ToString().ToUpperInvariant(),
        }));

    /// <summary>A stored multi-line text as paragraphs, blank lines left out.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

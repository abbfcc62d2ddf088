using System.Globalization;
using Palopo.Portal.Application.Admin.Catalogue;

namespace Palopo.Portal.Web.Areas.Admin.Models;

/// <summary>
/// The editor's buttons ("aksi" = "tambah-kolom:0", "hapus-kolom:0:2", "naik-dokumen:1", …) applied
/// to the posted draft. Out-of-range indexes (a stale page) change nothing.
/// </summary>
internal static class FormDraftEdits
{
    public static (string Verb, int First, int Second) Parse(string? action)
    {
        var parts = (action ?? "").Split(':');
        return (parts[0], Index(parts, 1), Index(parts, 2));

        static int Index(string[] parts, int at) =>
            parts.Length > at && int.TryParse(parts[at], NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < 1000 ? i : -1;
    }

    public static void Apply(FormDraft draft, string? action)
    {
        var (verb, i, j) = Parse(action);
        var sections = draft.Sections;
        var section = i >= 0 && i < sections.Count ? sections[i] : null;
        switch (verb)
        {
            case "tambah-bagian" when sections.Count < FormDraft.MaxSections:
                sections.Add(new SectionDraft { Key = FreeKey("bagian", sections.Select(s => s.Key)) });
                break;
            case "hapus-bagian" when section is not null:
                sections.RemoveAt(i);
                break;
            case "naik-bagian":
                Swap(sections, i, i - 1);
                break;
            case "turun-bagian":
                Swap(sections, i, i + 1);
                break;
            case "tambah-kolom" when section is not null && section.Fields.Count < FormDraft.MaxFieldsPerSection:
                section.Fields.Add(new FieldDraft { Required = true, Key = FreeKey("kolom", sections.SelectMany(s => s.Fields).Select(f => f.Key)) });
                break;
            case "hapus-kolom" when section is not null && j >= 0 && j < section.Fields.Count:
                section.Fields.RemoveAt(j);
                break;
            case "naik-kolom" when section is not null:
                Swap(section.Fields, j, j - 1);
                break;
            case "turun-kolom" when section is not null:
                Swap(section.Fields, j, j + 1);
                break;
            case "tambah-dokumen" when draft.Documents.Count < FormDraft.MaxDocuments:
                draft.Documents.Add(new DocumentDraft
                {
                    Key = FreeKey("dokumen", draft.Documents.Select(d => d.Key)),
                    Required = true,
                    Types = [Domain.Services.DocumentFileType.Pdf, Domain.Services.DocumentFileType.Jpeg, Domain.Services.DocumentFileType.Png],
                });
                break;
            case "hapus-dokumen" when i >= 0 && i < draft.Documents.Count:
                draft.Documents.RemoveAt(i);
                break;
            case "naik-dokumen":
                Swap(draft.Documents, i, i - 1);
                break;
            case "turun-dokumen":
                Swap(draft.Documents, i, i + 1);
                break;
        }
    }

    public static void Swap<T>(List<T> list, int a, int b)
    {
        if (a < 0 || b < 0 || a >= list.Count || b >= list.Count)
            return;
        (list[a], list[b]) = (list[b], list[a]);
    }

    /// <summary>"kolom_3": a key not yet used, so a new row is valid as soon as it has a label.</summary>
    private static string FreeKey(string stem, IEnumerable<string?> used)
    {
        var taken = used.ToHashSet(StringComparer.Ordinal);
        var n = 1;
        while (taken.Contains($"{stem}_{n}"))
            n++;
        return $"{stem}_{n}";
    }
}

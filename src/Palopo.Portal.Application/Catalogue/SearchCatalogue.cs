using System.Globalization;

namespace Palopo.Portal.Application.Catalogue;

/// <summary>
/// Finds active services by words in their name or summary (Bahasa Indonesia or English) or in
/// their agency's name or short name. Every word must match somewhere; case and accents are ignored.
/// </summary>
/// <remarks>
/// The matching runs in memory over the projected active catalogue rather than in SQL: the
/// catalogue is small (a few hundred rows at most) and LIKE/ILIKE/collation rules differ between
/// SQLite, PostgreSQL and SQL Server, so this gives the same answer on every provider.
/// </remarks>
public sealed class SearchCatalogue(ListCatalogue catalogue)
{
    public const int MaxQueryLength = 100;

    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreWidth;
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    /// <summary>The query as searched: trimmed, inner whitespace collapsed, at most <see cref="MaxQueryLength"/> characters; empty when blank.</summary>
    public static string Normalize(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
            return "";
        var collapsed = string.Join(' ', query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= MaxQueryLength ? collapsed : collapsed[..MaxQueryLength].TrimEnd();
    }

    /// <summary>The services matching <paramref name="query"/>, names matching first; all of them when the query is blank.</summary>
    public async Task<IReadOnlyList<CatalogueEntry>> HandleAsync(string? query, CancellationToken ct)
    {
        var all = await catalogue.HandleAsync(ct);
        var text = Normalize(query);
        if (text.Length == 0)
            return all;

        var words = text.Split(' ');
        return
        [
            .. all
                .Where(e => words.All(w => Haystack(e).Any(field => Contains(field, w))))
                .OrderBy(e => words.All(w => Contains(e.Name.Id, w) || Contains(e.Name.En, w)) ? 0 : 1)
                .ThenBy(e => e.SortOrder),
        ];
    }

    private static IEnumerable<string> Haystack(CatalogueEntry e)
    {
        yield return e.Name.Id;
        yield return e.Name.En;
        yield return e.Summary.Id;
        yield return e.Summary.En;
        yield return e.Agency.Name.Id;
        yield return e.Agency.Name.En;
        yield return e.Agency.ShortName;
    }

    private static bool Contains(string field, string word) => Compare.IndexOf(field, word, Loose) >= 0;
}

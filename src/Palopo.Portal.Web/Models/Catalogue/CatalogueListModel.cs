using Microsoft.AspNetCore.WebUtilities;
using Palopo.Portal.Application.Catalogue;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Web.Models.Catalogue;

/// <summary>How the catalogue page groups services: by the agency that handles them, or by life event.</summary>
public enum CatalogueGrouping
{
    Agency,
    LifeEvent,
}

/// <summary>One heading of the catalogue and the services under it.</summary>
public sealed record CatalogueGroup(string Anchor, string Title, string ShortTitle, IReadOnlyList<CatalogueEntry> Services);

/// <summary>The catalogue page: the (normalised) search words, the grouping, and the groups to show.</summary>
public sealed record CatalogueListModel(string Query, CatalogueGrouping Grouping, int Total, IReadOnlyList<CatalogueGroup> Groups)
{
    public const string Path = "/layanan";

    /// <summary>Values of the <c>kelompok</c> query parameter; Indonesian, like every address people bookmark.</summary>
    public const string ByAgency = "instansi";
    public const string ByLifeEvent = "peristiwa";

    public bool IsSearch => Query.Length > 0;

    public static CatalogueGrouping ParseGrouping(string? kelompok) =>
        string.Equals(kelompok, ByLifeEvent, StringComparison.OrdinalIgnoreCase) ? CatalogueGrouping.LifeEvent : CatalogueGrouping.Agency;

    /// <summary>
    /// Groups <paramref name="entries"/> (in the order given: catalogue order, or relevance for a search).
    /// Agencies appear in the order of their first service; life events in their natural order.
    /// </summary>
    public static CatalogueListModel Create(
        string query, CatalogueGrouping grouping, IReadOnlyList<CatalogueEntry> entries, string language, Func<LifeEvent, string> lifeEventLabel)
    {
        IReadOnlyList<CatalogueGroup> groups = grouping == CatalogueGrouping.LifeEvent
            ? [.. entries.GroupBy(e => e.LifeEvent).OrderBy(g => g.Key).Select(g =>
                new CatalogueGroup("peristiwa-" + g.Key.ToString().ToLowerInvariant(), lifeEventLabel(g.Key), lifeEventLabel(g.Key), [.. g]))]
            : [.. entries.GroupBy(e => e.Agency.Code).Select(g =>
            {
                var agency = g.First().Agency;
                var name = agency.Name.For(language);
                var title = string.IsNullOrEmpty(agency.ShortName) || agency.ShortName == name ? name : $"{name} ({agency.ShortName})";
                return new CatalogueGroup("instansi-" + agency.Code, title, agency.ShortName.Length > 0 ? agency.ShortName : name, [.. g]);
            })];
        return new CatalogueListModel(query, grouping, entries.Count, groups);
    }

    /// <summary>The whole catalogue in this page's grouping.</summary>
    public string ShowAllUrl => (this with { Query = "" }).UrlFor(Grouping);

    /// <summary>This page's address with another grouping, keeping the search words.</summary>
    public string UrlFor(CatalogueGrouping grouping)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        if (IsSearch)
            parameters.Add(new("q", Query));
        if (grouping == CatalogueGrouping.LifeEvent)
            parameters.Add(new("kelompok", ByLifeEvent));
        return QueryHelpers.AddQueryString(Path, parameters);
    }
}

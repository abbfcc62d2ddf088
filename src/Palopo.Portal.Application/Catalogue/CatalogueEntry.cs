using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Catalogue;

/// <summary>One active service as the catalogue lists it, with its agency.</summary>
public sealed record CatalogueEntry(
    string Slug,
    LocalizedText Name,
    LocalizedText Summary,
    LifeEvent LifeEvent,
    decimal Fee,
    int ServiceDays,
    bool ServiceDaysIsDefault,
    int SortOrder,
    CatalogueAgency Agency)
{
    public bool IsFree => Fee == 0;
}

/// <summary>The agency (OPD) that handles a service.</summary>
public sealed record CatalogueAgency(string Code, LocalizedText Name, string ShortName);

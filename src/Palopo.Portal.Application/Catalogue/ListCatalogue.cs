using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Application.Catalogue;

/// <summary>Lists the active services with their agency, in catalogue order.</summary>
public sealed class ListCatalogue(IPortalDbContext db)
{
    public async Task<IReadOnlyList<CatalogueEntry>> HandleAsync(CancellationToken ct)
    {
        var rows = await (
                from s in db.Services.AsNoTracking()
                join a in db.Agencies.AsNoTracking() on s.AgencyId equals a.Id
                where s.IsActive
                orderby s.SortOrder, s.Slug
                select new
                {
                    s.Slug,
                    NameId = s.Name.Id,
                    NameEn = s.Name.En,
                    SummaryId = s.Summary.Id,
                    SummaryEn = s.Summary.En,
                    s.LifeEvent,
                    s.Fee,
                    s.ServiceDays,
                    s.ServiceDaysIsDefault,
                    s.SortOrder,
                    AgencyCode = a.Code,
                    AgencyName = a.Name,
                    AgencyNameEn = a.NameEn,
                    AgencyShortName = a.ShortName,
                })
            .ToListAsync(ct);

        return [.. rows.Select(r => new CatalogueEntry(
            r.Slug,
            new LocalizedText(r.NameId, r.NameEn),
            new LocalizedText(r.SummaryId, r.SummaryEn),
            r.LifeEvent,
            r.Fee,
            r.ServiceDays,
            r.ServiceDaysIsDefault,
            r.SortOrder,
            new CatalogueAgency(r.AgencyCode, new LocalizedText(r.AgencyName, r.AgencyNameEn), r.AgencyShortName)))];
    }
}

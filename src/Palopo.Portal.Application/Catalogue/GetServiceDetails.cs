using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Catalogue;

/// <summary>One active service's details by its slug, with the documents of its current form version.</summary>
public sealed class GetServiceDetails(IPortalDbContext db)
{
    /// <summary>The service, or null when the slug is unknown or the service is retired.</summary>
    public async Task<ServiceDetails?> HandleAsync(string slug, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > 80)
            return null;

        var row = await (
                from s in db.Services.AsNoTracking()
                join a in db.Agencies.AsNoTracking() on s.AgencyId equals a.Id
                where s.Slug == slug && s.IsActive
                select new
                {
                    s.Id,
                    s.Slug,
                    NameId = s.Name.Id,
                    NameEn = s.Name.En,
                    SummaryId = s.Summary.Id,
                    SummaryEn = s.Summary.En,
                    DescriptionId = s.Description.Id,
                    DescriptionEn = s.Description.En,
                    EligibilityId = s.Eligibility.Id,
                    EligibilityEn = s.Eligibility.En,
                    RequirementsId = s.Requirements.Id,
                    RequirementsEn = s.Requirements.En,
                    s.LifeEvent,
                    s.Fee,
                    s.ServiceDays,
                    s.ServiceDaysIsDefault,
                    s.AllowsNonPalopoApplicants,
                    s.CurrentFormVersion,
                    s.Workflow,
                    AgencyCode = a.Code,
                    AgencyName = a.Name,
                    AgencyNameEn = a.NameEn,
                    AgencyShortName = a.ShortName,
                })
            .FirstOrDefaultAsync(ct);
        if (row is null)
            return null;

        var form = await db.ServiceFormVersions.AsNoTracking()
            .Where(f => f.ServiceId == row.Id && f.Version == row.CurrentFormVersion)
            .Select(f => f.Definition)
            .FirstOrDefaultAsync(ct);

        return new ServiceDetails(
            row.Slug,
            new LocalizedText(row.NameId, row.NameEn),
            new LocalizedText(row.SummaryId, row.SummaryEn),
            new LocalizedText(row.DescriptionId, row.DescriptionEn),
            new LocalizedText(row.EligibilityId, row.EligibilityEn),
            new LocalizedText(row.RequirementsId, row.RequirementsEn),
            row.LifeEvent,
            row.Fee,
            row.ServiceDays,
            row.ServiceDaysIsDefault,
            row.AllowsNonPalopoApplicants,
            new CatalogueAgency(row.AgencyCode, new LocalizedText(row.AgencyName, row.AgencyNameEn), row.AgencyShortName),
            [.. row.Workflow.Select(step => step.Name)],
            form?.Documents ?? Array.Empty<DocumentRequirement>());
    }
}

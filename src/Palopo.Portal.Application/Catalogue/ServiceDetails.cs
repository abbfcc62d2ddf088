using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Catalogue;

/// <summary>Everything a service's public page shows, before anyone applies.</summary>
public sealed record ServiceDetails(
    string Slug,
    LocalizedText Name,
    LocalizedText Summary,
    LocalizedText Description,
    LocalizedText Eligibility,
    LocalizedText Requirements,
    LifeEvent LifeEvent,
    decimal Fee,
    int ServiceDays,
    bool ServiceDaysIsDefault,
    bool AllowsNonPalopoApplicants,
    CatalogueAgency Agency,
    IReadOnlyList<LocalizedText> WorkflowSteps,
    IReadOnlyList<DocumentRequirement> Documents)
{
    public bool IsFree => Fee == 0;

    /// <summary>The requirements in a language, one per line as the catalogue stores them, blank lines left out.</summary>
    public IReadOnlyList<string> RequirementLines(string twoLetterLanguage) =>
        [.. Requirements.For(twoLetterLanguage).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

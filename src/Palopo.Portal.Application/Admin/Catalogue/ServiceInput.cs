using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Admin.Catalogue;

/// <summary>
/// What the service form posts. Numbers arrive as text so that a person's "15.000" or "-5"
/// gets a message of its own instead of a model-binding error.
/// </summary>
public sealed class ServiceInput
{
    /// <summary>Only on creation: the URL name is stable because people bookmark it.</summary>
    public string? Slug { get; set; }

    public Guid? AgencyId { get; set; }

    public string? NameId { get; set; }

    public string? NameEn { get; set; }

    public string? SummaryId { get; set; }

    public string? SummaryEn { get; set; }

    public string? DescriptionId { get; set; }

    public string? DescriptionEn { get; set; }

    public string? EligibilityId { get; set; }

    public string? EligibilityEn { get; set; }

    public string? RequirementsId { get; set; }

    public string? RequirementsEn { get; set; }

    public LifeEvent LifeEvent { get; set; }

    public string? Fee { get; set; } = "0";

    public string? ServiceDays { get; set; }

    public bool ServiceDaysIsDefault { get; set; }

    public bool AllowsNonPalopoApplicants { get; set; }

    public string? SortOrder { get; set; } = "0";

    public IssuanceMode Issuance { get; set; }

    /// <summary>Training course codes, separated by commas, spaces or lines (e.g. "pdp-dasar").</summary>
    public string? Courses { get; set; }

    public static ServiceInput From(Service s) => new()
    {
        Slug = s.Slug,
        AgencyId = s.AgencyId,
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
        LifeEvent = s.LifeEvent,
        Fee = ((long)s.Fee).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ServiceDays = s.ServiceDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ServiceDaysIsDefault = s.ServiceDaysIsDefault,
        AllowsNonPalopoApplicants = s.AllowsNonPalopoApplicants,
        SortOrder = s.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Issuance = s.Issuance,
        Courses = string.Join(", ", s.RequiredCourseCodes),
    };
}

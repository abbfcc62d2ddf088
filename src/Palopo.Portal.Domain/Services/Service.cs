using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Domain.Services;

/// <summary>
/// A public service (layanan) that an agency offers: what it is, who may apply, what it costs,
/// how long it takes in working days, its current form and its processing steps.
/// </summary>
public sealed class Service
{
    private Service() { }

    public Service(string slug, Guid agencyId, LocalizedText name, LifeEvent lifeEvent, int serviceDays, IReadOnlyList<WorkflowStep> workflow)
    {
        Id = Guid.NewGuid();
        Slug = ValidSlug(slug);
        AgencyId = agencyId;
        Name = name;
        LifeEvent = lifeEvent;
        SetServiceTime(serviceDays, isDefault: false);
        SetWorkflow(workflow);
    }

    public Guid Id { get; private set; }

    /// <summary>URL name, e.g. "akta-kelahiran"; stable because people bookmark it.</summary>
    public string Slug { get; private set; } = "";

    public Guid AgencyId { get; private set; }

    public LocalizedText Name { get; private set; } = new("", "");

    public LocalizedText Summary { get; private set; } = new("", "");

    public LocalizedText Description { get; private set; } = new("", "");

    /// <summary>Who may apply.</summary>
    public LocalizedText Eligibility { get; private set; } = new("", "");

    /// <summary>Requirements, one per line.</summary>
    public LocalizedText Requirements { get; private set; } = new("", "");

    public LifeEvent LifeEvent { get; private set; }

    /// <summary>Fee in rupiah; 0 means free of charge.</summary>
    public decimal Fee { get; private set; }

    /// <summary>Legal service time in working days.</summary>
    public int ServiceDays { get; private set; }

    /// <summary>True when the service time is a configurable default, not one set by regulation.</summary>
    public bool ServiceDaysIsDefault { get; private set; }

    /// <summary>Whether an applicant with a NIK from outside Palopo may apply (e.g. moving in).</summary>
    public bool AllowsNonPalopoApplicants { get; private set; }

    public bool IsActive { get; private set; } = true;

    public int SortOrder { get; private set; }

    public int CurrentFormVersion { get; private set; }

    public IReadOnlyList<WorkflowStep> Workflow { get; private set; } = [];

    /// <summary>Whether the document is issued by the system as soon as the request is approved, or by an officer.</summary>
    public IssuanceMode Issuance { get; private set; } = IssuanceMode.Automatic;

    /// <summary>Codes of the training courses an officer must have completed before working this service's queue.</summary>
    public IReadOnlyList<string> RequiredCourseCodes { get; private set; } = [];

    public DateTime UpdatedAtUtc { get; private set; }

    public bool IsFree => Fee == 0;

    public void Describe(LocalizedText name, LocalizedText summary, LocalizedText description, LocalizedText eligibility, LocalizedText requirements)
    {
        if (string.IsNullOrWhiteSpace(name.Id))
            throw new DomainRuleException("A service needs a name.");
        Name = name;
        Summary = summary;
        Description = description;
        Eligibility = eligibility;
        Requirements = requirements;
    }

    public void SetFee(decimal fee)
    {
        if (fee < 0)
            throw new DomainRuleException("A fee cannot be negative.");
        Fee = fee;
    }

    public void SetServiceTime(int workingDays, bool isDefault)
    {
        if (workingDays is < 1 or > 365)
            throw new DomainRuleException("A service time is 1 to 365 working days.");
        ServiceDays = workingDays;
        ServiceDaysIsDefault = isDefault;
    }

    public void SetWorkflow(IReadOnlyList<WorkflowStep> steps)
    {
        if (steps.Count == 0)
            throw new DomainRuleException("A workflow needs at least one step.");
        if (steps.Select(s => s.Key).Distinct().Count() != steps.Count)
            throw new DomainRuleException("Workflow step keys must be unique.");
        Workflow = steps;
    }

    public void SetOptions(LifeEvent lifeEvent, bool allowsNonPalopoApplicants, int sortOrder)
    {
        LifeEvent = lifeEvent;
        AllowsNonPalopoApplicants = allowsNonPalopoApplicants;
        SortOrder = sortOrder;
    }

    /// <summary>Starts a new form version; earlier requests keep theirs.</summary>
    public ServiceFormVersion PublishForm(FormDefinition definition, DateTime nowUtc)
    {
        var problems = definition.Problems();
        if (problems.Count > 0)
            throw new DomainRuleException(string.Join(" ", problems));
        CurrentFormVersion++;
        UpdatedAtUtc = nowUtc;
        return new ServiceFormVersion(Id, CurrentFormVersion, definition, nowUtc);
    }

    public void SetIssuance(IssuanceMode mode) => Issuance = mode;

    /// <summary>Hands the service to another agency (e.g. after a reorganisation); its queue, open requests included, moves with it.</summary>
    public void MoveTo(Guid agencyId)
    {
        if (agencyId == Guid.Empty)
            throw new DomainRuleException("A service belongs to an agency.");
        AgencyId = agencyId;
    }

    public void RequireCourses(IEnumerable<string> courseCodes)
    {
        var codes = courseCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Any(c => c.Length > 40))
            throw new DomainRuleException("A course code is at most 40 characters.");
        RequiredCourseCodes = codes;
    }

    public void Retire() => IsActive = false;

    public void Reinstate() => IsActive = true;

    public void Touch(DateTime nowUtc) => UpdatedAtUtc = nowUtc;

    public static string ValidSlug(string slug)
    {
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > 80
            || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || slug.StartsWith('-') || slug.EndsWith('-'))
            throw new DomainRuleException("A slug is 1–80 lower-case letters, digits and hyphens.");
        return slug;
    }
}

/// <summary>Who issues the document once a request is approved.</summary>
public enum IssuanceMode
{
    /// <summary>The portal issues the document the moment the last workflow step is approved.</summary>
    Automatic,

    /// <summary>An officer issues it from the review page (e.g. after printing a physical original).</summary>
    ByOfficer,
}

using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Catalogue;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Application.Admin.Catalogue;

public enum ServiceStatusFilter
{
    All,
    Active,
    Retired,
}

public sealed record ServiceRow(
    string Slug, LocalizedText Name, string AgencyCode, string AgencyShortName, LifeEvent LifeEvent,
    decimal Fee, int ServiceDays, bool IsActive, int FormVersion, int SortOrder);

/// <summary>A service as its admin pages show it: the entity (read-only here), its agency and its current form.</summary>
public sealed record ServiceForAdmin(Service Service, string AgencyCode, LocalizedText AgencyName, FormDefinition Form, DateTime? FormPublishedAtUtc);

/// <summary>
/// Admins create and edit services, retire and reinstate them, edit their workflow and publish
/// new form versions. Every change is audited and clears the catalogue cache.
/// </summary>
public sealed class ServiceAdmin(IPortalDbContext db, AuditTrail audit, ICatalogueCache cache, TimeProvider clock)
{
    public const string DefaultStepKey = "verifikasi";

    public async Task<IReadOnlyList<ServiceRow>> ListAsync(Guid? agencyId, ServiceStatusFilter status, CancellationToken ct)
    {
        var query = from s in db.Services.AsNoTracking()
                    join a in db.Agencies.AsNoTracking() on s.AgencyId equals a.Id
                    select new { s, a };
        if (agencyId is { } id)
            query = query.Where(x => x.s.AgencyId == id);
        if (status == ServiceStatusFilter.Active)
            query = query.Where(x => x.s.IsActive);
        else if (status == ServiceStatusFilter.Retired)
            query = query.Where(x => !x.s.IsActive);
        var rows = await query
            .OrderBy(x => x.a.Code).ThenBy(x => x.s.SortOrder).ThenBy(x => x.s.Slug)
            .Select(x => new
            {
                x.s.Slug, NameId = x.s.Name.Id, NameEn = x.s.Name.En, x.a.Code, x.a.ShortName, x.s.LifeEvent,
                x.s.Fee, x.s.ServiceDays, x.s.IsActive, x.s.CurrentFormVersion, x.s.SortOrder,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ServiceRow(
            r.Slug, new LocalizedText(r.NameId, r.NameEn), r.Code, r.ShortName, r.LifeEvent, r.Fee, r.ServiceDays, r.IsActive, r.CurrentFormVersion, r.SortOrder))];
    }

    public async Task<ServiceForAdmin?> FindAsync(string slug, CancellationToken ct)
    {
        var row = await (from s in db.Services.AsNoTracking()
                         join a in db.Agencies.AsNoTracking() on s.AgencyId equals a.Id
                         where s.Slug == slug
                         select new { s, a.Code, a.Name, a.NameEn }).FirstOrDefaultAsync(ct);
        if (row is null)
            return null;
        var form = await db.ServiceFormVersions.AsNoTracking()
            .Where(f => f.ServiceId == row.s.Id && f.Version == row.s.CurrentFormVersion)
            .FirstOrDefaultAsync(ct);
        return new ServiceForAdmin(row.s, row.Code, new LocalizedText(row.Name, row.NameEn), form?.Definition ?? new FormDefinition([], []), form?.CreatedAtUtc);
    }

    /// <summary>
    /// Creates the service with a one-step workflow (verifikasi by an officer) and an empty first
    /// form version, so it can be applied for at once; the admin then edits both.
    /// </summary>
    public async Task<AdminSaveResult> CreateAsync(ServiceInput input, StaffMember actor, CancellationToken ct)
    {
        var errors = new AdminErrors();
        var slug = (input.Slug ?? "").Trim();
        if (slug.Length == 0)
            errors.Add(nameof(input.Slug), "Required");
        else if (!IsValidSlug(slug))
            errors.Add(nameof(input.Slug), "SlugFormat");
        else if (await db.Services.AnyAsync(s => s.Slug == slug, ct))
            errors.Add(nameof(input.Slug), "SlugTaken", slug);
        var values = await ReadAsync(input, errors, ct);
        if (values is null)
            return AdminSaveResult.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var service = new Service(slug, values.AgencyId, values.Name, input.LifeEvent, values.ServiceDays,
            [new WorkflowStep(DefaultStepKey, new LocalizedText("Verifikasi berkas", "Document check"), Roles.Officer)]);
        Apply(service, input, values);
        db.Services.Add(service);
        db.ServiceFormVersions.Add(service.PublishForm(new FormDefinition([], []), now));
        audit.Record(AuditAction.ServiceCreated, actor, "Service", service.Id, reference: slug, detail: values.Name.Id);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(ct);
        return new AdminSaveResult(slug, []);
    }

    public async Task<AdminSaveResult?> UpdateAsync(string slug, ServiceInput input, StaffMember actor, CancellationToken ct)
    {
        var service = await db.Services.FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (service is null)
            return null;
        var errors = new AdminErrors();
        var values = await ReadAsync(input, errors, ct);
        if (values is null)
            return AdminSaveResult.Invalid(errors);

        Apply(service, input, values);
        service.Touch(clock.GetUtcNow().UtcDateTime);
        audit.Record(AuditAction.ServiceChanged, actor, "Service", service.Id, reference: slug, detail: values.Name.Id);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(ct);
        return new AdminSaveResult(slug, []);
    }

    /// <returns>False when there is no such service.</returns>
    public async Task<bool> SetActiveAsync(string slug, bool active, StaffMember actor, CancellationToken ct)
    {
        var service = await db.Services.FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (service is null)
            return false;
        if (service.IsActive == active)
            return true;
        if (active)
            service.Reinstate();
        else
            service.Retire();
        service.Touch(clock.GetUtcNow().UtcDateTime);
        audit.Record(active ? AuditAction.ServiceReinstated : AuditAction.ServiceRetired, actor, "Service", service.Id, reference: slug);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(ct);
        return true;
    }

    public async Task<AdminSaveResult?> SaveWorkflowAsync(string slug, WorkflowDraft draft, StaffMember actor, CancellationToken ct)
    {
        var service = await db.Services.FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (service is null)
            return null;
        var errors = new AdminErrors();
        var steps = draft.ToSteps(errors);
        if (steps is null)
            return AdminSaveResult.Invalid(errors);

        service.SetWorkflow(steps);
        service.Touch(clock.GetUtcNow().UtcDateTime);
        audit.Record(AuditAction.ServiceWorkflowChanged, actor, "Service", service.Id, reference: slug,
            detail: string.Join(" → ", steps.Select(s => $"{s.Key} ({s.Role})")));
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(ct);
        return new AdminSaveResult(slug, []);
    }

    /// <summary>Publishes the draft as the service's next form version; requests already filed keep theirs.</summary>
    public async Task<(AdminSaveResult Result, int Version)?> PublishFormAsync(string slug, FormDraft draft, StaffMember actor, CancellationToken ct)
    {
        var service = await db.Services.FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (service is null)
            return null;
        var errors = new AdminErrors();
        var definition = draft.ToDefinition(errors);
        if (definition is null)
            return (AdminSaveResult.Invalid(errors), 0);

        var version = service.PublishForm(definition, clock.GetUtcNow().UtcDateTime);
        db.ServiceFormVersions.Add(version);
        audit.Record(AuditAction.ServiceFormPublished, actor, "Service", service.Id, reference: slug,
            detail: $"v{version.Version}: {definition.Fields.Count()} fields, {definition.Documents.Count} documents");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin published the same version number first (unique service + version):
            // nothing of this draft was stored; the admin sees the draft again and can publish it anew.
            errors.Add("", "PublishedMeanwhile");
            return (AdminSaveResult.Invalid(errors), 0);
        }

        await cache.InvalidateAsync(ct);
        return (new AdminSaveResult(slug, []), version.Version);
    }

    private sealed record ServiceValues(Guid AgencyId, LocalizedText Name, LocalizedText Summary, LocalizedText Description,
        LocalizedText Eligibility, LocalizedText Requirements, int Fee, int ServiceDays, int SortOrder, IReadOnlyList<string> Courses);

    private async Task<ServiceValues?> ReadAsync(ServiceInput input, AdminErrors errors, CancellationToken ct)
    {
        if (input.AgencyId is not { } agencyId || !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
            errors.Add(nameof(input.AgencyId), "AgencyRequired");
        var name = new LocalizedText(
            errors.Text(nameof(input.NameId), input.NameId, 200, required: true),
            errors.Text(nameof(input.NameEn), input.NameEn, 200));
        var summary = new LocalizedText(
            errors.Text(nameof(input.SummaryId), input.SummaryId, 500),
            errors.Text(nameof(input.SummaryEn), input.SummaryEn, 500));
        var description = new LocalizedText(
            errors.Text(nameof(input.DescriptionId), input.DescriptionId, 4000, multiline: true),
            errors.Text(nameof(input.DescriptionEn), input.DescriptionEn, 4000, multiline: true));
        var eligibility = new LocalizedText(
            errors.Text(nameof(input.EligibilityId), input.EligibilityId, 2000, multiline: true),
            errors.Text(nameof(input.EligibilityEn), input.EligibilityEn, 2000, multiline: true));
        var requirements = new LocalizedText(
            errors.Text(nameof(input.RequirementsId), input.RequirementsId, 4000, multiline: true),
            errors.Text(nameof(input.RequirementsEn), input.RequirementsEn, 4000, multiline: true));
        if (!Enum.IsDefined(input.LifeEvent))
            errors.Add(nameof(input.LifeEvent), "Required");
        if (!Enum.IsDefined(input.Issuance))
            errors.Add(nameof(input.Issuance), "Required");
        var fee = errors.WholeNumber(nameof(input.Fee), input.Fee, 0, 1_000_000_000, "FeeRange");
        var days = errors.WholeNumber(nameof(input.ServiceDays), input.ServiceDays, 1, 365, "ServiceDaysRange");
        var sortOrder = errors.WholeNumber(nameof(input.SortOrder), input.SortOrder, 0, 10_000, "OutOfRange", required: false) ?? 0;

        var courses = (input.Courses ?? "").Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (courses.Count > 20)
            errors.Add(nameof(input.Courses), "TooMany", 20);
        else if (courses.Any(c => c.Length > 40 || !c.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '-' or '_')))
            errors.Add(nameof(input.Courses), "CourseFormat");

        if (errors.Any)
            return null;
        return new ServiceValues(input.AgencyId!.Value, name, summary, description, eligibility, requirements, fee!.Value, days!.Value, sortOrder, courses);
    }

    private static void Apply(Service service, ServiceInput input, ServiceValues values)
    {
        if (service.AgencyId != values.AgencyId)
            service.MoveTo(values.AgencyId);
        service.Describe(values.Name, values.Summary, values.Description, values.Eligibility, values.Requirements);
        service.SetFee(values.Fee);
        service.SetServiceTime(values.ServiceDays, input.ServiceDaysIsDefault);
        service.SetOptions(input.LifeEvent, input.AllowsNonPalopoApplicants, values.SortOrder);
        service.SetIssuance(input.Issuance);
        service.RequireCourses(values.Courses);
    }

    private static bool IsValidSlug(string slug)
    {
        try
        {
            Service.ValidSlug(slug);
            return true;
        }
        catch (DomainRuleException)
        {
            return false;
        }
    }
}

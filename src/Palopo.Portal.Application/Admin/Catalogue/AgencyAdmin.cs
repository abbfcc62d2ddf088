using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Catalogue;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Agencies;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Application.Admin.Catalogue;

/// <summary>What the agency form posts. Field names are the HTML names the errors point at.</summary>
public sealed class AgencyInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? ShortName { get; set; }

    /// <summary>False unless posted: an unticked checkbox sends nothing.</summary>
    public bool IsActive { get; set; }
}

public sealed record AgencyRow(Guid Id, string Code, string Name, string NameEn, string ShortName, bool IsActive, int ServiceCount);

public sealed record AgencyServiceRow(string Slug, LocalizedText Name, bool IsActive);

public sealed record AgencyDetails(AgencyRow Agency, IReadOnlyList<AgencyServiceRow> Services, IReadOnlyList<AgencyStaffMember> Staff);

/// <summary>The result of a create or edit: the agency's code when saved, otherwise the problems (nothing saved).</summary>
public sealed record AdminSaveResult(string? Key, IReadOnlyList<AdminError> Errors)
{
    public bool Saved => Key is not null;

    public static AdminSaveResult Invalid(AdminErrors errors) => new(null, errors.All);
}

/// <summary>Admins list, create and edit agencies; every change is audited and clears the catalogue cache.</summary>
public sealed class AgencyAdmin(IPortalDbContext db, IAgencyStaff staff, AuditTrail audit, ICatalogueCache cache)
{
    public async Task<IReadOnlyList<AgencyRow>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Agencies.AsNoTracking()
            .Select(a => new AgencyRow(a.Id, a.Code, a.Name, a.NameEn, a.ShortName, a.IsActive, db.Services.Count(s => s.AgencyId == a.Id)))
            .ToListAsync(ct);
        return [.. rows.OrderBy(a => a.Name, StringComparer.CurrentCulture)];
    }

    public async Task<AgencyDetails?> FindAsync(string code, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking()
            .Where(a => a.Code == code)
            .Select(a => new AgencyRow(a.Id, a.Code, a.Name, a.NameEn, a.ShortName, a.IsActive, 0))
            .FirstOrDefaultAsync(ct);
        if (agency is null)
            return null;
        var services = await db.Services.AsNoTracking()
            .Where(s => s.AgencyId == agency.Id)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Slug)
            .Select(s => new AgencyServiceRow(s.Slug, s.Name, s.IsActive))
            .ToListAsync(ct);
        return new AgencyDetails(agency with { ServiceCount = services.Count }, services, await staff.ListAsync(agency.Id, ct));
    }

    public async Task<AdminSaveResult> CreateAsync(AgencyInput input, StaffMember actor, CancellationToken ct)
    {
        var errors = new AdminErrors();
        var code = (input.Code ?? "").Trim();
        if (code.Length == 0)
            errors.Add(nameof(input.Code), "Required");
        else if (!IsValidCode(code))
            errors.Add(nameof(input.Code), "CodeFormat");
        else if (await db.Agencies.AnyAsync(a => a.Code == code, ct))
            errors.Add(nameof(input.Code), "CodeTaken", code);
        var (name, nameEn, shortName) = Texts(input, errors);
        if (errors.Any)
            return AdminSaveResult.Invalid(errors);

        var agency = new Agency(code, name, nameEn, shortName);
        agency.SetActive(input.IsActive);
        db.Agencies.Add(agency);
        audit.Record(AuditAction.AgencyCreated, actor, "Agency", agency.Id, reference: code, detail: name);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(ct);
        return new AdminSaveResult(code, []);
    }

    public async Task<AdminSaveResult?> UpdateAsync(string code, AgencyInput input, StaffMember actor, CancellationToken ct)
    {
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Code == code, ct);
        if (agency is null)
            return null;
        var errors = new AdminErrors();
        var (name, nameEn, shortName) = Texts(input, errors);
        if (errors.Any)
            return AdminSaveResult.Invalid(errors);

        agency.Rename(name, nameEn, shortName);
        agency.SetActive(input.IsActive);
        audit.Record(AuditAction.AgencyChanged, actor, "Agency", agency.Id, reference: code, detail: $"{name}; active={input.IsActive}");
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(ct);
        return new AdminSaveResult(code, []);
    }

    private static (string Name, string NameEn, string ShortName) Texts(AgencyInput input, AdminErrors errors) =>
        (errors.Text(nameof(input.Name), input.Name, 200, required: true),
         errors.Text(nameof(input.NameEn), input.NameEn, 200),
         errors.Text(nameof(input.ShortName), input.ShortName, 60, required: true));

    private static bool IsValidCode(string code)
    {
        try
        {
            Agency.ValidCode(code);
            return true;
        }
        catch (DomainRuleException)
        {
            return false;
        }
    }
}

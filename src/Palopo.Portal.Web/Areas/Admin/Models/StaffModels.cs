using Palopo.Portal.Application.Admin.Staff;

namespace Palopo.Portal.Web.Areas.Admin.Models;

public sealed record AgencyOption(Guid Id, string Name);

public sealed class StaffListQuery
{
    public Guid? Instansi { get; set; }

    public string? Peran { get; set; }

    /// <summary>"aktif", "nonaktif" or empty (all).</summary>
    public string? Status { get; set; }

    public int Halaman { get; set; } = 1;

    public bool? Active => Status switch { "aktif" => true, "nonaktif" => false, _ => null };
}

public sealed record StaffListPage(StaffList List, StaffListQuery Query, IReadOnlyList<AgencyOption> Agencies)
{
    public string AgencyName(Guid? id) => id is null ? "" : Agencies.FirstOrDefault(a => a.Id == id)?.Name ?? "";
}

/// <summary>The invitation form and the change form share their fields.</summary>
public sealed class StaffForm
{
    public string? FullName { get; set; }

    public string? Email { get; set; }

    public Guid? AgencyId { get; set; }

    public List<string> Roles { get; set; } = [];
}

public sealed record StaffFormPage(StaffForm Form, IReadOnlyList<AgencyOption> Agencies);

public sealed record StaffDetailsPage(StaffAccount Account, StaffForm Form, IReadOnlyList<AgencyOption> Agencies, bool IsSelf)
{
    public string AgencyName => Account.AgencyId is null ? "" : Agencies.FirstOrDefault(a => a.Id == Account.AgencyId)?.Name ?? "";
}

namespace Palopo.Portal.Domain.Users;

/// <summary>The portal's roles. A supervisor (kepala) is also an officer of the same agency.</summary>
public static class Roles
{
    public const string Citizen = "Citizen";
    public const string Officer = "Officer";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Citizen, Officer, Supervisor, Admin];

    /// <summary>Roles that belong to civil servants: created by invitation only, two-factor required.</summary>
    public static readonly IReadOnlyList<string> Staff = [Officer, Supervisor, Admin];

    public static bool IsStaff(string role) => Staff.Contains(role);
}

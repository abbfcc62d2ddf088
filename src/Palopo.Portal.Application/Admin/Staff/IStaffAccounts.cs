namespace Palopo.Portal.Application.Admin.Staff;

/// <summary>A staff account as the admin screens show it.</summary>
public sealed record StaffAccount(
    Guid UserId, string FullName, string Email, Guid? AgencyId, IReadOnlyList<string> Roles,
    bool IsActive, bool EmailConfirmed, bool HasPassword, bool TwoFactorEnabled, DateTime CreatedAtUtc);

public sealed record StaffFilter(Guid? AgencyId, string? Role, bool? Active, int Page, int PageSize);

public sealed record StaffList(IReadOnlyList<StaffAccount> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The new account an invitation creates: no password, e-mail unconfirmed.</summary>
public sealed record NewStaffAccount(Guid UserId, string FullName, string Email, Guid? AgencyId, IReadOnlyList<string> Roles, DateTime CreatedAtUtc);

/// <summary>
/// One change to the set of staff accounts, in a database transaction that holds the lock on the
/// admin set: two such changes never run side by side, so "is this the last active admin?" is
/// answered on committed data and cannot be raced.
/// </summary>
public interface IStaffChange : IAsyncDisposable
{
    Task CommitAsync(CancellationToken ct);
}

/// <summary>The Identity store seen from the staff use cases (users, roles, lockout, tokens).</summary>
public interface IStaffAccounts
{
    Task<IStaffChange> BeginChangeAsync(CancellationToken ct);

    Task<StaffList> ListAsync(StaffFilter filter, CancellationToken ct);

    Task<StaffAccount?> FindAsync(Guid userId, CancellationToken ct);

    Task<bool> EmailInUseAsync(string email, CancellationToken ct);

    /// <summary>Creates the account and its roles; false when the e-mail is taken after all (a race).</summary>
    Task<bool> CreateInvitedAsync(NewStaffAccount account, CancellationToken ct);

    /// <summary>A single-use token for the invitation link (valid <see cref="InvitationLifetime"/>).</summary>
    /// <param name="renew">Change the security stamp first, so links sent before stop working.</param>
    Task<string> CreateInvitationTokenAsync(Guid userId, CancellationToken ct, bool renew = false);

    TimeSpan InvitationLifetime { get; }

    Task SetRolesAsync(Guid userId, IReadOnlyList<string> roles, CancellationToken ct);

    Task SetAgencyAsync(Guid userId, Guid? agencyId, CancellationToken ct);

    /// <summary>Deactivation also locks the account out for good; reactivation lifts the lockout.</summary>
    Task SetActiveAsync(Guid userId, bool active, CancellationToken ct);

    /// <summary>Active accounts with the Admin role, leaving out <paramref name="except"/>.</summary>
    Task<int> CountActiveAdminsAsync(Guid? except, CancellationToken ct);
}

/// <summary>Writes the invitation e-mail (the Web layer knows the link and the language).</summary>
public interface IStaffInvitationMail
{
    Email.EmailMessage Compose(string to, string fullName, Guid userId, string token, TimeSpan validFor);
}

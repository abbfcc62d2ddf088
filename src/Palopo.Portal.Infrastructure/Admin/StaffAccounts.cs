using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Admin.Staff;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Admin;

/// <summary>Staff accounts in the Identity tables, for the admin use cases.</summary>
internal sealed class StaffAccounts(
    UserManager<PortalUser> users, PortalDbContext db, IOptions<InvitationTokenProviderOptions> invitationOptions) : IStaffAccounts
{
    private static readonly string[] StaffRoleNames = [.. Roles.Staff];

    public TimeSpan InvitationLifetime => invitationOptions.Value.TokenLifespan;

    public async Task<IStaffChange> BeginChangeAsync(CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // Writing the Admin role's row first takes a lock every staff change waits for (a row lock on
            // PostgreSQL and SQL Server, the database write lock on SQLite): the "last active admin" check
            // that follows reads what the change before it committed, so two admins removing each other
            // at the same moment cannot both succeed.
            var adminRole = Roles.Admin.ToUpperInvariant();
            await db.Roles.Where(r => r.NormalizedName == adminRole)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
            return new Change(transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public async Task<StaffList> ListAsync(StaffFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var roleNames = filter.Role is { } role && Roles.IsStaff(role) ? [role] : StaffRoleNames;
        var roleIds = await db.Roles.Where(r => roleNames.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        var query = db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        if (filter.AgencyId is { } agencyId)
            query = query.Where(u => u.AgencyId == agencyId);
        if (filter.Active is { } active)
            query = query.Where(u => u.IsActive == active);

        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .ToListAsync(ct);
        var rolesOf = await RolesOfAsync([.. page.Select(u => u.Id)], ct);
        return new StaffList([.. page.Select(u => ToAccount(u, rolesOf))], total, filter.Page, filter.PageSize);
    }

    public async Task<StaffAccount?> FindAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            return null;
        var rolesOf = await RolesOfAsync([userId], ct);
        // Citizens are not managed here.
        return rolesOf.TryGetValue(userId, out var roles) && roles.Any(Roles.IsStaff) ? ToAccount(user, rolesOf) : null;
    }

    public Task<bool> EmailInUseAsync(string email, CancellationToken ct)
    {
        var normalized = users.NormalizeEmail(email);
        return db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct);
    }

    public async Task<bool> CreateInvitedAsync(NewStaffAccount account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var user = new PortalUser
        {
            Id = account.UserId,
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = false,
            FullName = account.FullName,
            AgencyId = account.AgencyId,
            CreatedAtUtc = account.CreatedAtUtc,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user); // no password: the invitee chooses one
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                return false;
            throw new InvalidOperationException("Could not create the staff account: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        Ensure(await users.AddToRolesAsync(user, account.Roles));
        return true;
    }

    public async Task<string> CreateInvitationTokenAsync(Guid userId, CancellationToken ct, bool renew = false)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such account.");
        if (renew)
            Ensure(await users.UpdateSecurityStampAsync(user));
        return await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
    }

    public async Task SetRolesAsync(Guid userId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var user = await RequireAsync(userId);
        var current = await users.GetRolesAsync(user);
        var remove = current.Where(r => Roles.IsStaff(r) && !roles.Contains(r)).ToList();
        var add = roles.Where(r => !current.Contains(r)).ToList();
        if (remove.Count > 0)
            Ensure(await users.RemoveFromRolesAsync(user, remove));
        if (add.Count > 0)
            Ensure(await users.AddToRolesAsync(user, add));
    }

    public async Task SetAgencyAsync(Guid userId, Guid? agencyId, CancellationToken ct)
    {
        var user = await RequireAsync(userId);
        user.AgencyId = agencyId;
        Ensure(await users.UpdateAsync(user));
    }

    public async Task SetActiveAsync(Guid userId, bool active, CancellationToken ct)
    {
        var user = await RequireAsync(userId);
        user.IsActive = active;
        user.LockoutEnabled = true;
        // A deactivated account stays locked out even if IsActive were ever overlooked somewhere.
        user.LockoutEnd = active ? null : DateTimeOffset.MaxValue;
        user.AccessFailedCount = 0;
        Ensure(await users.UpdateAsync(user));
        if (!active)
            Ensure(await users.UpdateSecurityStampAsync(user)); // also voids open invitation and reset links
    }

    public async Task<int> CountActiveAdminsAsync(Guid? except, CancellationToken ct)
    {
        var adminRole = Roles.Admin.ToUpperInvariant();
        var roleId = await db.Roles.Where(r => r.NormalizedName == adminRole).Select(r => r.Id).FirstAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Id != except && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .CountAsync(ct);
    }

    private async Task<PortalUser> RequireAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such account.");

    private async Task<Dictionary<Guid, List<string>>> RolesOfAsync(Guid[] userIds, CancellationToken ct)
    {
        var pairs = await db.UserRoles.AsNoTracking()
            .Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Select(p => p.Name!).ToList());
    }

    private static StaffAccount ToAccount(PortalUser u, Dictionary<Guid, List<string>> rolesOf) =>
        new(u.Id, u.FullName, u.Email ?? "", u.AgencyId,
            [.. Roles.All.Where(r => rolesOf.TryGetValue(u.Id, out var roles) && roles.Contains(r))],
            u.IsActive, u.EmailConfirmed, u.PasswordHash is not null, u.TwoFactorEnabled, u.CreatedAtUtc);

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Identity refused a staff change: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }

    private sealed class Change(IDbContextTransaction transaction) : IStaffChange
    {
        public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}

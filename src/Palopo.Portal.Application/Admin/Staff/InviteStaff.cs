using System.Net.Mail;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Notifications;

namespace Palopo.Portal.Application.Admin.Staff;

public sealed record InviteStaffCommand(string? FullName, string? Email, Guid? AgencyId, IReadOnlyList<string>? Roles);

/// <summary>
/// An admin invites an officer, supervisor or admin: the account is created without a password and
/// with its e-mail unconfirmed, and the invitation e-mail (a link to set the password, valid for a
/// limited time) goes into the outbox in the same transaction, so it is never lost nor sent for an
/// account that was not created.
/// </summary>
public sealed class InviteStaff(
    IPortalDbContext db, IStaffAccounts accounts, IStaffInvitationMail mail, AuditTrail audit, TimeProvider clock)
{
    public const int NameMaxLength = 150;
    public const int EmailMaxLength = 254;

    public async Task<StaffResult> HandleAsync(InviteStaffCommand command, StaffMember admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Dictionary<string, string>();
        var name = command.FullName?.Trim() ?? "";
        var email = command.Email?.Trim() ?? "";
        var roles = StaffRules.Normalize(command.Roles);

        if (name.Length == 0)
            errors["FullName"] = "AdminStaff.Error.NameRequired";
        else if (name.Length > NameMaxLength)
            errors["FullName"] = "AdminStaff.Error.NameTooLong";
        if (email.Length == 0)
            errors["Email"] = "AdminStaff.Error.EmailRequired";
        else if (email.Length > EmailMaxLength || !IsEmail(email))
            errors["Email"] = "AdminStaff.Error.EmailInvalid";
        else if (await accounts.EmailInUseAsync(email, ct))
            errors["Email"] = "AdminStaff.Error.EmailTaken";
        await StaffRules.CheckRolesAndAgencyAsync(db, roles, command.AgencyId, errors, ct);
        if (errors.Count > 0)
            return StaffResult.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var account = new NewStaffAccount(Guid.NewGuid(), name, email, command.AgencyId, roles, now);
        await using var change = await accounts.BeginChangeAsync(ct);
        if (!await accounts.CreateInvitedAsync(account, ct))
            return StaffResult.Invalid(new Dictionary<string, string> { ["Email"] = "AdminStaff.Error.EmailTaken" });

        var token = await accounts.CreateInvitationTokenAsync(account.UserId, ct);
        var message = mail.Compose(email, name, account.UserId, token, accounts.InvitationLifetime);
        db.OutboxMessages.Add(new OutboxMessage(message.To, message.Subject, message.TextBody, message.HtmlBody, now));
        audit.Record(AuditAction.StaffInvited, admin, "User", account.UserId,
            detail: $"{email}; roles: {StaffRules.Describe(roles)}; agency: {command.AgencyId?.ToString() ?? "-"}");
        await db.SaveChangesAsync(ct);
        await change.CommitAsync(ct);
        return StaffResult.Done(account.UserId);
    }

    /// <summary>
    /// A new invitation link for an account that has not chosen a password yet (the first one expired
    /// or got lost). Earlier links stop working: the security stamp changes.
    /// </summary>
    public async Task<StaffResult> ResendAsync(Guid userId, StaffMember admin, CancellationToken ct)
    {
        var account = await accounts.FindAsync(userId, ct);
        if (account is null)
            return StaffResult.Of(StaffOutcome.NotFound);
        if (account.HasPassword || !account.IsActive)
            return StaffResult.Of(StaffOutcome.Unchanged);

        await using var change = await accounts.BeginChangeAsync(ct);
        var token = await accounts.CreateInvitationTokenAsync(userId, ct, renew: true);
        var message = mail.Compose(account.Email, account.FullName, userId, token, accounts.InvitationLifetime);
        db.OutboxMessages.Add(new OutboxMessage(message.To, message.Subject, message.TextBody, message.HtmlBody, clock.GetUtcNow().UtcDateTime));
        audit.Record(AuditAction.StaffInvited, admin, "User", userId, detail: $"{account.Email}; invitation sent again");
        await db.SaveChangesAsync(ct);
        await change.CommitAsync(ct);
        return StaffResult.Done(userId);
    }

    private static bool IsEmail(string value) =>
        !value.Any(char.IsWhiteSpace) && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value.Contains('.', StringComparison.Ordinal);
}

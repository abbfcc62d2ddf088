using System.Net.Mail;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Admin;

/// <summary>
/// Writes sign-ins, failed sign-ins and sign-outs to the audit trail, each saved at once (there is
/// no other change to ride along with). Never a password or a code. A failure for an address
/// without an account records the address only when it is a well-formed e-mail address, so a
/// password typed into the wrong box does not end up in the log; the person signing in is told
/// the same thing either way.
/// </summary>
public sealed class SignInAudit(PortalDbContext db, TimeProvider clock)
{
    public Task SucceededAsync(PortalUser user, string method, CancellationToken ct) =>
        WriteAsync(AuditAction.SignInSucceeded, user, method, ct);

    public Task FailedAsync(PortalUser? user, string? enteredEmail, string reason, CancellationToken ct)
    {
        if (user is not null)
            return WriteAsync(AuditAction.SignInFailed, user, reason, ct);
        var email = enteredEmail?.Trim() ?? "";
        var shown = email.Length <= 150 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email ? email : "?";
        db.AuditEntries.Add(new AuditEntry(AuditAction.SignInFailed, clock.GetUtcNow().UtcDateTime, null, shown, null,
            "User", null, null, null, reason));
        return db.SaveChangesAsync(ct);
    }

    public Task SignedOutAsync(PortalUser user, CancellationToken ct) => WriteAsync(AuditAction.SignedOut, user, null, ct);

    private Task WriteAsync(AuditAction action, PortalUser user, string? detail, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry(action, clock.GetUtcNow().UtcDateTime, user.Id, user.FullName, user.AgencyId,
            "User", user.Id, null, null, detail));
        return db.SaveChangesAsync(ct);
    }
}

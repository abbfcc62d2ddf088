using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Application.Requests;

public sealed record WithdrawCommand(string ReferenceNumber, string? Reason);

/// <summary>
/// The applicant withdraws their own request before a decision (Submitted, InReview,
/// NeedsCorrection or Resubmitted). After a decision the lifecycle refuses, and so does this.
/// </summary>
public sealed class WithdrawRequest(
    IPortalDbContext db,
    IApplicantDirectory applicants,
    IRequestNotifier notifier,
    TimeProvider clock,
    ILogger<WithdrawRequest> logger)
{
    public const int MaxReasonLength = 500;
    public const string ReasonKey = "Reason";

    public async Task<RequestActionResult> HandleAsync(WithdrawCommand command, Guid applicantUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reference = ReferenceNumber.Normalize(command.ReferenceNumber);
        if (!ReferenceNumber.IsWellFormed(reference))
            return RequestActionResult.NotFound;
        var request = await db.ServiceRequests
            .FirstOrDefaultAsync(r => r.ReferenceNumber == reference && r.ApplicantUserId == applicantUserId && r.SubmittedAtUtc != null, ct);
        if (request is null)
            return RequestActionResult.NotFound;
        if (!RequestLifecycle.IsOpen(request.Status))
            return RequestActionResult.NotAllowed(request.Status);

        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length > MaxReasonLength)
            return Invalid(new FieldError("TooLong", MaxReasonLength), reason[..MaxReasonLength]);
        if (reason.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
            return Invalid(new FieldError("InvalidCharacters"), reason);

        var contact = await applicants.FindAsync(applicantUserId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        request.Withdraw(reason, new Actor(applicantUserId, contact?.FullName ?? "", Roles.Citizen), now);
        await notifier.NotifyAsync(request, NotificationKind.Withdrawn, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogInformation(ex, "Request {ReferenceNumber} changed while its applicant withdrew it", reference);
            return RequestActionResult.Conflict;
        }

        logger.LogInformation("Request {ReferenceNumber} withdrawn by its applicant", reference);
        return RequestActionResult.Done(request.Status);
    }

    private static RequestActionResult Invalid(FieldError error, string reason) =>
        RequestActionResult.Invalid(new Dictionary<string, FieldError> { [ReasonKey] = error }, new Dictionary<string, string> { [ReasonKey] = reason });
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Officer.Decisions;

/// <summary>
/// Puts <paramref name="OfficerUserId"/> in charge of the request. <paramref name="ExpectedVersion"/>
/// is the version the actor's screen showed; a request changed since is refused as a conflict.
/// </summary>
public sealed record AssignCommand(Guid RequestId, Guid OfficerUserId, int? ExpectedVersion);

/// <summary>
/// Claim ("Ambil") and assignment. An officer may assign a request only to themself, and only while
/// nobody has it; a supervisor may assign or reassign it to any officer of the agency. Writes
/// RequestClaimed (to oneself) or RequestAssigned (to someone else) with the same SaveChanges.
/// </summary>
public sealed class AssignRequest(
    IPortalDbContext db,
    IStaffDirectory staff,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<AssignRequest> logger)
{
    /// <summary>Error key: the request already has an officer (an officer cannot take it over).</summary>
    public const string AlreadyAssignedKey = "AlreadyAssigned";

    /// <summary>Error key: the chosen person is not an officer of the agency, or an officer chose someone else.</summary>
    public const string OfficerKey = "Officer";

    public async Task<RequestActionResult> HandleAsync(AssignCommand command, Guid actorUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (work, refusal) = await OfficerAccess.LoadAsync(db, staff, command.RequestId, actorUserId, command.ExpectedVersion, ct);
        if (work is null)
            return refusal!;
        var request = work.Request;
        if (!RequestLifecycle.IsOpen(request.Status))
            return RequestActionResult.NotAllowed(request.Status);

        var actor = work.Officer;
        var isSupervisor = actor.IsInRole(Domain.Users.Roles.Supervisor);
        var toSelf = command.OfficerUserId == actor.UserId;
        if (!isSupervisor && !toSelf)
            return RequestActionResult.Invalid(new Dictionary<string, FieldError> { [OfficerKey] = new("NotAnOfficerOfAgency") });
        if (!isSupervisor && request.AssignedOfficerId is not null)
            return RequestActionResult.Invalid(new Dictionary<string, FieldError> { [AlreadyAssignedKey] = new(request.AssignedOfficerId == actor.UserId ? "AlreadyYours" : "AlreadyAssigned") });
        if (request.AssignedOfficerId == command.OfficerUserId)
            return RequestActionResult.Invalid(new Dictionary<string, FieldError> { [AlreadyAssignedKey] = new(toSelf ? "AlreadyYours" : "AlreadyAssigned") });

        var target = toSelf ? actor : await staff.FindAsync(command.OfficerUserId, ct);
        if (target is null || !target.WorksFor(request.AgencyId))
            return RequestActionResult.Invalid(new Dictionary<string, FieldError> { [OfficerKey] = new("NotAnOfficerOfAgency") });

        request.Assign(target.UserId, actor.AsActor(), clock.GetUtcNow().UtcDateTime);
        audit.RecordDecision(toSelf ? AuditAction.RequestClaimed : AuditAction.RequestAssigned, actor, request,
            toSelf ? null : $"to {target.FullName} ({target.UserId})");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogInformation(ex, "Request {RequestId} changed while it was being assigned", command.RequestId);
            return RequestActionResult.Conflict;
        }

        logger.LogInformation("Request {ReferenceNumber} assigned to {OfficerId} by {ActorId}", request.ReferenceNumber, target.UserId, actor.UserId);
        return RequestActionResult.Done(request.Status);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Officer.Supervision;

/// <summary>The request as the reassignment page shows it: no personal data of the applicant.</summary>
public sealed record ReassignmentSubject(
    Guid RequestId, string ReferenceNumber, LocalizedText ServiceName, RequestStatus Status, int CurrentStep,
    DateOnly? DueOn, Guid? AssignedOfficerId, string? AssignedOfficerName, int Version, IReadOnlyList<AgencyOfficer> Officers)
{
    public bool IsOpen => RequestLifecycle.IsOpen(Status);
}

public sealed record ReassignCommand(string ReferenceNumber, Guid? OfficerUserId, int ExpectedVersion);

public enum ReassignOutcome
{
    Done,

    /// <summary>No submitted request with that number in the supervisor's agency: the page says 404.</summary>
    NotFound,

    /// <summary>The account is not a supervisor of an agency.</summary>
    Forbidden,

    /// <summary>No officer chosen, or one who is not an active officer of the same agency (a forged form). Nothing changed.</summary>
    OfficerNotAllowed,

    /// <summary>Already assigned to that officer. Nothing changed.</summary>
    Unchanged,

    /// <summary>The request has been decided or withdrawn. Nothing changed.</summary>
    Closed,

    /// <summary>Someone changed the request since the form was shown. Nothing changed.</summary>
    Conflict,
}

public sealed record ReassignResult(ReassignOutcome Outcome, string? OfficerName = null);

/// <summary>
/// A supervisor (kepala) gives an open request of their agency to another active officer of the
/// same agency. Refuses anyone else (other agencies' staff, citizens, admins), a stale form and a
/// closed request; the assignment and its audit entry are saved together.
/// </summary>
public sealed class ReassignRequest(
    IPortalDbContext db, IAgencyOfficers agencyOfficers, AuditTrail audit, TimeProvider clock, ILogger<ReassignRequest> logger)
{
    /// <summary>What the reassignment form shows, or null (404) when the request is not this supervisor's agency's.</summary>
    public async Task<ReassignmentSubject?> LoadAsync(string referenceNumber, StaffMember supervisor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        if (!supervisor.IsSupervisor || supervisor.AgencyId is not { } agencyId)
            return null;
        var row = await (
                from r in db.ServiceRequests.AsNoTracking()
                where r.ReferenceNumber == referenceNumber && r.AgencyId == agencyId && r.SubmittedAtUtc != null
                join s in db.Services.AsNoTracking() on r.ServiceId equals s.Id
                select new { r.Id, r.ReferenceNumber, s.Name, r.Status, r.CurrentStep, r.DueOn, r.AssignedOfficerId, r.Version })
            .FirstOrDefaultAsync(ct);
        if (row is null)
            return null;
        var officers = await agencyOfficers.ListAsync(agencyId, ct);
        var assignedName = officers.FirstOrDefault(o => o.UserId == row.AssignedOfficerId)?.FullName;
        return new ReassignmentSubject(
            row.Id, row.ReferenceNumber!, row.Name, row.Status, row.CurrentStep, row.DueOn, row.AssignedOfficerId, assignedName, row.Version, officers);
    }

    public async Task<ReassignResult> HandleAsync(ReassignCommand command, StaffMember supervisor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(supervisor);
        if (!supervisor.IsSupervisor || supervisor.AgencyId is not { } agencyId)
            return new(ReassignOutcome.Forbidden);

        var request = await db.ServiceRequests
            .FirstOrDefaultAsync(r => r.ReferenceNumber == command.ReferenceNumber && r.AgencyId == agencyId && r.SubmittedAtUtc != null, ct);
        if (request is null)
            return new(ReassignOutcome.NotFound);
        if (request.Version != command.ExpectedVersion)
            return new(ReassignOutcome.Conflict);
        if (!RequestLifecycle.IsOpen(request.Status))
            return new(ReassignOutcome.Closed);

        var officers = await agencyOfficers.ListAsync(agencyId, ct);
        var target = officers.FirstOrDefault(o => o.UserId == command.OfficerUserId);
        if (target is null)
        {
            if (command.OfficerUserId is not null)
                logger.LogWarning("Supervisor {UserId} tried to assign {ReferenceNumber} to an account outside the agency", supervisor.UserId, request.ReferenceNumber);
            return new(ReassignOutcome.OfficerNotAllowed);
        }

        if (request.AssignedOfficerId == target.UserId)
            return new(ReassignOutcome.Unchanged, target.FullName);

        var previous = officers.FirstOrDefault(o => o.UserId == request.AssignedOfficerId)?.FullName
            ?? (request.AssignedOfficerId is null ? "-" : request.AssignedOfficerId.ToString());
        request.Assign(target.UserId, supervisor.AsActor(), clock.GetUtcNow().UtcDateTime);
        audit.Record(AuditAction.RequestAssigned, supervisor, "ServiceRequest", request.Id,
            reference: request.ReferenceNumber, detail: $"Dialihkan oleh kepala dari {previous} ke {target.FullName} ({target.UserId})");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogInformation(ex, "Request {ReferenceNumber} changed while a supervisor reassigned it", request.ReferenceNumber);
            return new(ReassignOutcome.Conflict);
        }

        logger.LogInformation("Request {ReferenceNumber} reassigned by supervisor {SupervisorId} to {OfficerId}", request.ReferenceNumber, supervisor.UserId, target.UserId);
        return new(ReassignOutcome.Done, target.FullName);
    }
}

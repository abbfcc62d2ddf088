using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Audit;

namespace Palopo.Portal.Application.Officer.Decisions;

public sealed record InternalNoteCommand(Guid RequestId, string? Text, int? ExpectedVersion);

/// <summary>
/// A note for the agency's staff on the request's timeline; citizens never see it (the citizen's
/// timeline leaves internal notes out). Any state, including after a decision.
/// </summary>
public sealed class AddInternalNote(
    IPortalDbContext db,
    IStaffDirectory staff,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<AddInternalNote> logger)
{
    public const int MaxLength = 2000;

    public const string TextKey = "Text";

    public async Task<RequestActionResult> HandleAsync(InternalNoteCommand command, Guid officerUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (work, refusal) = await OfficerAccess.LoadAsync(db, staff, command.RequestId, officerUserId, command.ExpectedVersion, ct);
        if (work is null)
            return refusal!;
        var text = command.Text?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxLength)
        {
            return RequestActionResult.Invalid(new Dictionary<string, FieldError>
            {
                [TextKey] = text.Length == 0 ? FieldError.Required : new("TooLong", MaxLength),
            });
        }

        work.Request.AddNote(text, isInternal: true, work.Officer.AsActor(), clock.GetUtcNow().UtcDateTime);
        audit.RecordDecision(AuditAction.InternalNoteAdded, work.Officer, work.Request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogInformation(ex, "Request {RequestId} changed while an internal note was added", command.RequestId);
            return RequestActionResult.Conflict;
        }

        return RequestActionResult.Done(work.Request.Status);
    }
}

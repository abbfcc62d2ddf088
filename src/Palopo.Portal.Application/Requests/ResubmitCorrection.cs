using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Calendar;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Files;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Application.Requests;

/// <summary>
/// The applicant's answer to a send-back. <paramref name="Answers"/> may hold anything a client
/// posts; only the fields flagged in the open correction round are read, the rest is ignored.
/// </summary>
public sealed record ResubmitCommand(string ReferenceNumber, IReadOnlyDictionary<string, string?> Answers, IReadOnlyList<IncomingFile> Files);

/// <summary>
/// The applicant corrects exactly what the officer flagged and sends the request back: flagged
/// fields are validated as on submission (required ones must be answered), every flagged document
/// must be uploaded again, and the legal clock resumes. Any problem saves nothing and removes the
/// files stored on the way.
/// </summary>
public sealed class ResubmitCorrection(
    IPortalDbContext db,
    AnswerValidator answerValidator,
    UploadChecker uploads,
    WorkingCalendarProvider calendars,
    IApplicantDirectory applicants,
    IRequestNotifier notifier,
    IFileStore files,
    TimeProvider clock,
    ILogger<ResubmitCorrection> logger)
{
    public async Task<RequestActionResult> HandleAsync(ResubmitCommand command, Guid applicantUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reference = ReferenceNumber.Normalize(command.ReferenceNumber);
        if (!ReferenceNumber.IsWellFormed(reference))
            return RequestActionResult.NotFound;
        var request = await db.ServiceRequests
            .Include(r => r.Documents)
            .Include(r => r.Corrections)
            .FirstOrDefaultAsync(r => r.ReferenceNumber == reference && r.ApplicantUserId == applicantUserId && r.SubmittedAtUtc != null, ct);
        if (request is null)
            return RequestActionResult.NotFound;
        if (request.Status != RequestStatus.NeedsCorrection)
            return RequestActionResult.NotAllowed(request.Status);

        var definition = await db.ServiceFormVersions.AsNoTracking()
            .Where(f => f.Id == request.FormVersionId)
            .Select(f => f.Definition)
            .SingleAsync(ct);
        var open = request.OpenCorrections.ToList();
        var flaggedFields = open.Where(c => c.Target == CorrectionTarget.Field).Select(c => c.TargetKey).ToHashSet(StringComparer.Ordinal);
        var flaggedDocuments = open.Where(c => c.Target == CorrectionTarget.Document).Select(c => c.TargetKey).ToHashSet(StringComparer.Ordinal);

        // Only the flagged fields are read; anything else a client sends is ignored, never applied.
        var fields = definition.Fields.Where(f => flaggedFields.Contains(f.Key)).ToList();
        var check = await answerValidator.CheckAsync(fields, command.Answers, requireAll: true, ct);
        var errors = new Dictionary<string, FieldError>(check.Errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var incoming = command.Files.Where(f => flaggedDocuments.Contains(f.RequirementKey)).ToList();
        var before = request.CurrentDocuments.Select(d => d.Id).ToHashSet();
        var stored = await uploads.StoreAsync(request, definition, incoming, errors, now, ct);
        var replaced = request.CurrentDocuments.Where(d => !before.Contains(d.Id)).Select(d => d.RequirementKey).ToHashSet(StringComparer.Ordinal);
        foreach (var key in flaggedDocuments.Where(k => !replaced.Contains(k) && !errors.ContainsKey(k)))
            errors[key] = new FieldError("DocumentReplaceRequired");

        if (errors.Count > 0)
        {
            await DeleteAsync(stored, ct);
            return RequestActionResult.Invalid(errors, check.Answers);
        }

        var contact = await applicants.FindAsync(applicantUserId, ct);
        var corrected = fields.ToDictionary(f => f.Key, f => check.Answers.GetValueOrDefault(f.Key) ?? "", StringComparer.Ordinal);
        request.Resubmit(corrected, await calendars.GetAsync(ct), PalopoTime.Today(clock), new Actor(applicantUserId, contact?.FullName ?? "", Roles.Citizen), now);
        await notifier.NotifyAsync(request, NotificationKind.Resubmitted, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogInformation(ex, "Request {ReferenceNumber} changed while its applicant resubmitted it", reference);
            await DeleteAsync(stored, ct);
            return RequestActionResult.Conflict;
        }

        logger.LogInformation(
            "Request {ReferenceNumber} resubmitted with {FieldCount} corrected fields and {DocumentCount} new documents",
            reference, corrected.Count, stored.Count);
        return RequestActionResult.Done(request.Status);
    }

    private async Task DeleteAsync(IReadOnlyList<string> storedNames, CancellationToken ct)
    {
        foreach (var name in storedNames)
            await files.DeleteAsync(name, ct);
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Files;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.PersonalData;

namespace Palopo.Portal.Application.PersonalData;

public enum RightsAnswerAction
{
    StartWork,
    Complete,
    Refuse,
    Erase,
}

public sealed record AnswerRightsCommand(Guid Id, int Version, RightsAnswerAction? Action, string? Response);

public enum RightsAnswerOutcome
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}

public sealed record RightsAnswerResult(RightsAnswerOutcome Outcome, string? ErrorKey = null);

/// <summary>
/// The data-rights desk (/admin/hak-data): every request by deadline, overdue first; answering,
/// refusing with a reason, and carrying out an erasure. The answer reaches the citizen by e-mail
/// through the outbox (in the same transaction) and on their "my data" page.
/// </summary>
public sealed class RightsDesk(
    IPortalDbContext db,
    IApplicantDirectory applicants,
    PersonalDataEraser eraser,
    IUserSessions sessions,
    IFileStore files,
    AuditTrail audit,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<RightsDesk> logger)
{
    public async Task<IReadOnlyList<RightsDeskRow>> ListAsync(bool openOnly, CancellationToken ct)
    {
        var query = db.RightsRequests.AsNoTracking();
        if (openOnly)
            query = query.Where(r => r.Status == RightsRequestStatus.Received || r.Status == RightsRequestStatus.InProgress);
        var rows = await query.OrderBy(r => r.DueAtUtc).Take(500).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = new List<RightsDeskRow>(rows.Count);
        foreach (var r in rows)
            result.Add(await RowAsync(r, now, ct));
        // Open ones first (overdue at the top, by deadline), closed ones after.
        return [.. result.OrderBy(r => r.Request.Status is RightsRequestStatus.Completed or RightsRequestStatus.Refused).ThenBy(r => r.Request.DueAtUtc)];
    }

    public async Task<RightsDeskRow?> FindAsync(Guid id, CancellationToken ct)
    {
        var row = await db.RightsRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return row is null ? null : await RowAsync(row, clock.GetUtcNow().UtcDateTime, ct);
    }

    public async Task<RightsAnswerResult> AnswerAsync(AnswerRightsCommand command, StaffMember admin, CancellationToken ct)
    {
        var request = await db.RightsRequests.FirstOrDefaultAsync(r => r.Id == command.Id, ct);
        if (request is null)
            return new(RightsAnswerOutcome.NotFound);
        if (request.Version != command.Version)
            return new(RightsAnswerOutcome.Conflict, "Rights.Desk.Error.Conflict");
        if (command.Action is not { } action || !Enum.IsDefined(action))
            return new(RightsAnswerOutcome.Invalid, "Rights.Desk.Error.Action");
        if (!request.IsOpen)
            return new(RightsAnswerOutcome.Invalid, "Rights.Desk.Error.Closed");
        var response = command.Response?.Trim() ?? "";
        if (action is RightsAnswerAction.Complete or RightsAnswerAction.Refuse && response.Length == 0)
            return new(RightsAnswerOutcome.Invalid, action == RightsAnswerAction.Refuse ? "Rights.Desk.Error.ReasonRequired" : "Rights.Desk.Error.ResponseRequired");
        if (response.Length > RightsRequest.ResponseMaxLength - 2000)
            return new(RightsAnswerOutcome.Invalid, "Rights.Desk.Error.ResponseTooLong");
        if (action == RightsAnswerAction.Erase && request.Kind != RightsRequestKind.Erasure)
            return new(RightsAnswerOutcome.Invalid, "Rights.Desk.Error.NotErasure");

        var now = clock.GetUtcNow().UtcDateTime;
        // Read the contact before an erasure wipes it: the answer still has to reach the person.
        var contact = await applicants.FindAsync(request.UserId, ct);
        IReadOnlyList<string> filesToDelete = [];
        var database = ((DbContext)db).Database;
        await using var transaction = await database.BeginTransactionAsync(ct);
        try
        {
            switch (action)
            {
                case RightsAnswerAction.StartWork:
                    request.StartWork(now);
                    break;
                case RightsAnswerAction.Complete:
                    request.Complete(response, admin.Name, now);
                    break;
                case RightsAnswerAction.Refuse:
                    request.Refuse(response, admin.Name, now);
                    break;
                case RightsAnswerAction.Erase:
                    var erasure = await eraser.EraseAsync(request.UserId, contact?.Language ?? "id", now, ct);
                    filesToDelete = erasure.FilesToDelete;
                    var report = response.Length == 0 ? erasure.Report : response + "\n\n" + erasure.Report;
                    request.RecordErasure(report, admin.Name, now);
                    audit.Record(AuditAction.PersonalDataErased, admin, "User", request.UserId, request.UserId, null, $"rights request {request.Id}");
                    break;
            }
        }
        catch (DomainRuleException)
        {
            return new(RightsAnswerOutcome.Invalid, "Rights.Desk.Error.Action");
        }

        if (action != RightsAnswerAction.StartWork)
        {
            audit.Record(AuditAction.RightsRequestAnswered, admin, "RightsRequest", request.Id, request.UserId, null, request.Status.ToString());
            if (contact?.Email is { } email)
                db.OutboxMessages.Add(AnswerMail(request, contact, email, now));
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(RightsAnswerOutcome.Conflict, "Rights.Desk.Error.Conflict");
        }

        // An erased account is inactive: its sessions end now, on every node, not at their next check.
        if (action == RightsAnswerAction.Erase)
            await sessions.EndAllAsync(request.UserId, ct);

        foreach (var name in filesToDelete)
        {
            try
            {
                await files.DeleteAsync(name, ct);
            }
            catch (IOException ex)
            {
                // The row is gone; the orphan purge removes a file that could not be deleted now.
                logger.LogWarning(ex, "Could not delete an erased file; the orphan purge will retry");
            }
        }

        return new(RightsAnswerOutcome.Done);
    }

    private OutboxMessage AnswerMail(RightsRequest request, ApplicantContact contact, string email, DateTime now)
    {
        var culture = PersonalDataTexts.Culture(contact.Language);
        var body = PersonalDataTexts.Format("Rights.Body", culture,
            PersonalDataTexts.Get("Rights.Kind." + request.Kind, culture),
            PalopoTime.ToLocal(request.FiledAtUtc).ToString("d MMM yyyy HH.mm", culture) + " WITA",
            PersonalDataTexts.Get("Rights.Status." + request.Status, culture));
        return PersonalDataMail.Compose(email, contact.Language, contact.FullName, "Rights.Subject",
            [body, request.Response ?? "", PersonalDataTexts.Get("Rights.Link", culture)],
            portal.Value.Absolute("/data-saya/hak/" + request.Id.ToString("D", CultureInfo.InvariantCulture)), now);
    }

    private async Task<RightsDeskRow> RowAsync(RightsRequest r, DateTime now, CancellationToken ct)
    {
        var contact = await applicants.FindAsync(r.UserId, ct);
        return new RightsDeskRow(RightsViews.Of(r, now), contact?.FullName ?? "", contact?.Email);
    }
}

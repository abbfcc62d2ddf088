using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.PersonalData;

namespace Palopo.Portal.Application.PersonalData;

public sealed record FileRightsRequestCommand(RightsRequestKind? Kind, string? Details);

public enum FileRightsOutcome
{
    Filed,
    Invalid,
}

/// <summary>Field key → resource key of the message, for the form.</summary>
public sealed record FileRightsResult(FileRightsOutcome Outcome, Guid? Id, IReadOnlyDictionary<string, string> Errors);

/// <summary>A citizen files a rights request (access, correction, erasure, withdrawal of consent, objection).</summary>
public sealed class FileRightsRequest(IPortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<FileRightsResult> HandleAsync(Guid userId, string userName, FileRightsRequestCommand command, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (command.Kind is not { } kind || !Enum.IsDefined(kind))
            errors["Kind"] = "MyData.Rights.Error.Kind";
        var details = command.Details?.Trim() ?? "";
        if (details.Length == 0)
            errors["Details"] = "MyData.Rights.Error.DetailsRequired";
        else if (details.Length > RightsRequest.DetailsMaxLength)
            errors["Details"] = "MyData.Rights.Error.DetailsTooLong";
        if (errors.Count > 0)
            return new(FileRightsOutcome.Invalid, null, errors);

        RightsRequest request;
        try
        {
            request = RightsRequest.File(userId, command.Kind!.Value, details, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleException)
        {
            return new(FileRightsOutcome.Invalid, null, new Dictionary<string, string> { ["Details"] = "MyData.Rights.Error.DetailsRequired" });
        }

        db.RightsRequests.Add(request);
        // The citizen acting on their own data is not an access by someone else: no data subject, so
        // it stays out of their "who looked at my data" log (the desk's answer does show there).
        audit.Record(AuditAction.RightsRequestFiled, new StaffMember(userId, userName, null, []), "RightsRequest", request.Id, null, null, request.Kind.ToString());
        await db.SaveChangesAsync(ct);
        return new(FileRightsOutcome.Filed, request.Id, new Dictionary<string, string>());
    }
}

/// <summary>The signed-in citizen's own rights requests; one of someone else's is simply not found.</summary>
public sealed class MyRightsRequests(IPortalDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<RightsRequestView>> ListAsync(Guid userId, CancellationToken ct)
    {
        var rows = await db.RightsRequests.AsNoTracking()
            .Where(r => r.UserId == userId)
            .OrderByDescending(r => r.FiledAtUtc)
            .Take(100)
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. rows.Select(r => RightsViews.Of(r, now))];
    }

    public async Task<RightsRequestView?> FindAsync(Guid userId, Guid id, CancellationToken ct)
    {
        var row = await db.RightsRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.UserId == userId, ct);
        return row is null ? null : RightsViews.Of(row, clock.GetUtcNow().UtcDateTime);
    }
}

internal static class RightsViews
{
    public static RightsRequestView Of(RightsRequest r, DateTime nowUtc) =>
        new(r.Id, r.Kind, r.Details, r.Status, r.FiledAtUtc, r.DueAtUtc, r.Response, r.AnsweredAtUtc, r.AnsweredBy, r.ErasedAtUtc, r.Version, r.IsOverdueAt(nowUtc));
}

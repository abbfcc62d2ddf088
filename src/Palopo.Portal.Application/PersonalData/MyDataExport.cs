using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.PersonalData;

/// <summary>Everything the portal holds about one citizen, as they download it (UU PDP right of access).</summary>
public sealed record MyDataExportFile(
    DateTime ExportedAtUtc,
    MyDataExportAccount Account,
    IReadOnlyList<MyDataExportRequest> Requests,
    IReadOnlyList<MyDataExportNotification> Notifications,
    IReadOnlyList<MyDataExportAccess> AccessLog,
    IReadOnlyList<MyDataExportRightsRequest> RightsRequests,
    IReadOnlyList<MyDataExportIssuedDocument> IssuedDocuments);

public sealed record MyDataExportAccount(
    string FullName, string? Email, string? PhoneNumber, string? Nik, string? KelurahanCode, string? KelurahanName,
    DateTime CreatedAtUtc, string? PrivacyNoticeVersion, DateTime? PrivacyNoticeAcceptedAtUtc);

public sealed record MyDataExportRequest(
    string? ReferenceNumber, string Service, string Agency, RequestChannel Channel, RequestStatus Status,
    DateTime CreatedAtUtc, DateTime? SubmittedAtUtc, DateOnly? DueOn, DateTime? DecidedAtUtc, string? DecisionReason,
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<MyDataExportDocument> Documents,
    IReadOnlyList<MyDataExportEvent> Timeline);

public sealed record MyDataExportDocument(string RequirementKey, string FileName, string ContentType, long SizeBytes, DateTime UploadedAtUtc, DateTime? ReplacedAtUtc);

/// <summary>A timeline entry as the citizen sees it: internal staff notes are never exported.</summary>
public sealed record MyDataExportEvent(DateTime AtUtc, RequestEventKind Kind, RequestStatus? FromStatus, RequestStatus? ToStatus, string Actor, string? Note);

public sealed record MyDataExportNotification(NotificationKind Kind, string ReferenceNumber, DateTime CreatedAtUtc, DateTime? ReadAtUtc);

public sealed record MyDataExportRightsRequest(
    Domain.PersonalData.RightsRequestKind Kind, string Details, Domain.PersonalData.RightsRequestStatus Status,
    DateTime FiledAtUtc, DateTime DueAtUtc, string? Response, DateTime? AnsweredAtUtc);

public sealed record MyDataExportIssuedDocument(
    string ReferenceNumber, string Number, string Title, DateTime IssuedAtUtc, string AgencyName, DateTime? RevokedAtUtc);

public sealed record MyDataExportAccess(DateTime AtUtc, string ActorName, string? Agency, AuditAction Action, string? Reference);

/// <summary>
/// Builds the "download all my data" file for the signed-in citizen. Every query is keyed by the
/// citizen's own id (requests by applicant, notifications by recipient, the access log by data
/// subject), so nothing of anyone else can end up in it.
/// </summary>
public sealed class MyDataExport(IPortalDbContext db, IMyDataAccounts accounts, MyDataAccessLog accessLog, TimeProvider clock)
{
    public async Task<MyDataExportFile?> BuildAsync(Guid userId, CancellationToken ct)
    {
        var account = await accounts.FindAsync(userId, ct);
        if (account is null)
            return null;

        var kelurahanName = account.KelurahanCode is null
            ? null
            : await db.Kelurahan.AsNoTracking().Where(k => k.Code == account.KelurahanCode).Select(k => k.Name).FirstOrDefaultAsync(ct);

        var headers = await (
                from r in db.ServiceRequests.AsNoTracking()
                where r.ApplicantUserId == userId
                join s in db.Services on r.ServiceId equals s.Id
                join a in db.Agencies on s.AgencyId equals a.Id
                orderby r.CreatedAtUtc, r.Id
                select new
                {
                    r.Id,
                    r.ReferenceNumber,
                    Service = s.Name,
                    Agency = a.Name,
                    r.Channel,
                    r.Status,
                    r.CreatedAtUtc,
                    r.SubmittedAtUtc,
                    r.DueOn,
                    r.DecidedAtUtc,
                    r.DecisionReason,
                    Answers = EF.Property<Dictionary<string, string>>(r, "_answers"),
                })
            .ToListAsync(ct);
        var ids = headers.Select(h => h.Id).ToList();

        var documents = ids.Count == 0 ? [] : await db.RequestDocuments.AsNoTracking()
            .Where(d => ids.Contains(d.RequestId))
            .Select(d => new { d.RequestId, Item = new MyDataExportDocument(d.RequirementKey, d.FileName, d.ContentType, d.SizeBytes, d.UploadedAtUtc, d.ReplacedAtUtc) })
            .ToListAsync(ct);
        var events = ids.Count == 0 ? [] : await db.RequestEvents.AsNoTracking()
            .Where(e => ids.Contains(e.RequestId) && e.Kind != RequestEventKind.InternalNote)
            .Select(e => new { e.RequestId, e.AtUtc, e.Kind, e.FromStatus, e.ToStatus, e.ActorUserId, e.ActorName, e.ActorRole, e.Note })
            .ToListAsync(ct);

        var requests = headers.Select(h => new MyDataExportRequest(
                h.ReferenceNumber, h.Service.Id, h.Agency, h.Channel, h.Status, h.CreatedAtUtc, h.SubmittedAtUtc, h.DueOn, h.DecidedAtUtc, h.DecisionReason,
                h.Answers,
                [.. documents.Where(d => d.RequestId == h.Id).Select(d => d.Item).OrderBy(d => d.UploadedAtUtc)],
                [.. events.Where(e => e.RequestId == h.Id).OrderBy(e => e.AtUtc)
                    .Select(e => new MyDataExportEvent(e.AtUtc, e.Kind, e.FromStatus, e.ToStatus,
                        e.ActorUserId == userId ? "Anda" : e.ActorUserId is null || e.ActorRole == Actor.System.Role ? "Sistem" : e.ActorName,
                        e.Note))]))
            .ToList();

        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderBy(n => n.CreatedAtUtc)
            .Select(n => new MyDataExportNotification(n.Kind, n.ReferenceNumber, n.CreatedAtUtc, n.ReadAtUtc))
            .ToListAsync(ct);

        var access = (await accessLog.AllAsync(userId, ct))
            .Select(a => new MyDataExportAccess(a.AtUtc, a.ActorName, a.AgencyName?.Id, a.Action, a.Reference))
            .ToList();

        var rights = await db.RightsRequests.AsNoTracking()
            .Where(r => r.UserId == userId)
            .OrderBy(r => r.FiledAtUtc)
            .Select(r => new MyDataExportRightsRequest(r.Kind, r.Details, r.Status, r.FiledAtUtc, r.DueAtUtc, r.Response, r.AnsweredAtUtc))
            .ToListAsync(ct);

        var issued = await (
                from d in db.IssuedDocuments.AsNoTracking()
                join r in db.ServiceRequests on d.RequestId equals r.Id
                where r.ApplicantUserId == userId
                orderby d.IssuedAtUtc
                select new MyDataExportIssuedDocument(r.ReferenceNumber!, d.Number, d.Title, d.IssuedAtUtc, d.AgencyName, d.RevokedAtUtc))
            .ToListAsync(ct);

        return new MyDataExportFile(
            clock.GetUtcNow().UtcDateTime,
            new MyDataExportAccount(account.FullName, account.Email, account.PhoneNumber, account.Nik, account.KelurahanCode, kelurahanName,
                account.CreatedAtUtc, account.PrivacyNoticeVersion, account.PrivacyNoticeAcceptedAtUtc),
            requests, notifications, access, rights, issued);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Files;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Documents;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Population;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Documents;

public sealed record IssueDocumentCommand(Guid RequestId, int? ExpectedVersion = null);

/// <summary>
/// Issues the document of an approved request: a number from the agency's yearly counter, a random
/// verification code, the PDF (rendered, hashed, signed and stored), the IssuedDocument row, the
/// request moved to Issued, the citizen told, an audit line. All of it commits in one transaction, or
/// none of it does: if rendering or storing fails, the request stays Approved (the stored file, if
/// any, is deleted) and an officer can issue it from the review page.
/// </summary>
public sealed class IssueDocument(
    IPortalDbContext db,
    IStaffDirectory staff,
    IApplicantProfiles applicants,
    IDocumentRenderer renderer,
    IDocumentSigner signer,
    IDocumentNumberGenerator numbers,
    IFileStore files,
    IRequestNotifier notifier,
    AuditTrail audit,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<IssueDocument> logger)
{
    /// <summary>An officer of the owning agency issues an approved request's document (ByOfficer services, or a failed automatic issue).</summary>
    public async Task<IssueResult> ByOfficerAsync(IssueDocumentCommand command, Guid officerUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (work, refusal) = await OfficerAccess.LoadAsync(db, staff, command.RequestId, officerUserId, command.ExpectedVersion, ct);
        if (work is null)
            return new IssueResult(refusal!.Outcome == RequestActionOutcome.Forbidden ? IssueOutcome.NotFound : Map(refusal.Outcome), null);
        if (work.Request.Status != RequestStatus.Approved)
            return new IssueResult(IssueOutcome.NotAllowed, null);
        if (await db.IssuedDocuments.AnyAsync(d => d.RequestId == work.Request.Id, ct))
            return new IssueResult(IssueOutcome.NotAllowed, null);

        try
        {
            var document = await IssueAsync(work.Request, work.Officer, work.Officer.AsActor(), ct);
            return new IssueResult(IssueOutcome.Done, document.Number);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogInformation(ex, "Request {RequestId} changed while an officer issued its document", command.RequestId);
            Forget();
            return new IssueResult(IssueOutcome.Conflict, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Issuing the document of request {ReferenceNumber} failed; it stays Approved", work.Request.ReferenceNumber);
            Forget();
            return new IssueResult(IssueOutcome.Failed, null);
        }
    }

    /// <summary>
    /// Called right after the final approval was saved: issues at once when the service says the system
    /// issues. A failure is logged and leaves the request Approved (the officer's button retries).
    /// </summary>
    /// <returns>True when the document was issued.</returns>
    public async Task<bool> IfAutomaticAsync(ServiceRequest request, StaffMember approver, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status != RequestStatus.Approved)
            return false;
        var mode = await db.Services.AsNoTracking().Where(s => s.Id == request.ServiceId).Select(s => s.Issuance).SingleAsync(ct);
        if (mode != IssuanceMode.Automatic)
            return false;
        try
        {
            await IssueAsync(request, approver, Actor.System, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Automatic issue for request {ReferenceNumber} failed; it stays Approved for an officer to issue", request.ReferenceNumber);
            Forget();
            return false;
        }
    }

    private async Task<IssuedDocument> IssueAsync(ServiceRequest request, StaffMember issuer, Actor actor, CancellationToken ct)
    {
        var info = await (
                from s in db.Services.AsNoTracking()
                where s.Id == request.ServiceId
                join a in db.Agencies on s.AgencyId equals a.Id
                join f in db.ServiceFormVersions on request.FormVersionId equals f.Id
                select new { s.Name, AgencyCode = a.Code, AgencyName = a.Name, AgencyId = a.Id, f.Definition })
            .SingleAsync(ct);
        var (holderName, nikMasked) = await HolderAsync(request, info.Definition, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var issuedOn = DateOnly.FromDateTime(PalopoTime.ToLocal(now));
        await numbers.EnsureCounterAsync(info.AgencyCode, issuedOn.Year, ct);

        string? stored = null;
        var database = ((DbContext)db).Database;
        await using var transaction = await database.BeginTransactionAsync(ct);
        try
        {
            var number = await numbers.NextAsync(info.AgencyCode, issuedOn.Year, ct);
            var code = VerificationCode.New();
            var document = new IssuedDocument(
                request.Id, info.AgencyId, request.ApplicantUserId, number, code, info.Name.Id, info.Name.En,
                holderName, nikMasked, info.AgencyName, issuer.UserId, issuer.Name, now);

            var settings = portal.Value;
            var content = new DocumentContent(
                info.Name.Id, info.AgencyName, number, request.ReferenceNumber ?? "", document.HolderName, nikMasked, issuedOn,
                issuer.Name, VerificationCode.Display(code),
                settings.Absolute(VerificationPaths.ForCode(code)), settings.Absolute(VerificationPaths.Page), "");
            content = content with { ContentSeal = signer.Seal(Canonical(content)) };
            var pdf = renderer.Render(content);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));

            using (var stream = new MemoryStream(pdf, writable: false))
                stored = await files.SaveAsync(stream, ".pdf", ct);
            document.AttachFile(stored, pdf.Length, sha256, signer.Sign(code, sha256));
            db.IssuedDocuments.Add(document);

            request.MarkIssued(actor, now);
            await notifier.NotifyAsync(request, NotificationKind.Issued, ct);
            audit.Record(AuditAction.DocumentIssued, issuer, nameof(IssuedDocument), document.Id, request.ApplicantUserId, request.ReferenceNumber,
                actor == Actor.System ? $"{number} (otomatis)" : number);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Request {ReferenceNumber}: document {DocumentNumber} issued", request.ReferenceNumber, number);
            return document;
        }
        catch
        {
            if (stored is not null)
                await files.DeleteAsync(stored, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The account's name and NIK; for an assisted request nobody claimed yet, the form's answers prefilled from them.</summary>
    private async Task<(string Name, string? NikMasked)> HolderAsync(ServiceRequest request, FormDefinition form, CancellationToken ct)
    {
        string? name = null, nik = null;
        if (request.ApplicantUserId is { } userId && await applicants.FindAsync(userId, ct) is { } profile)
            (name, nik) = (profile.FullName, profile.Nik);
        name ??= form.Fields.Where(f => f.Prefill == ApplicantPrefill.FullName).Select(f => request.Answers.GetValueOrDefault(f.Key)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        nik ??= form.Fields.Where(f => f.Prefill == ApplicantPrefill.Nik).Select(f => request.Answers.GetValueOrDefault(f.Key)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        var masked = nik is not null && Nik.TryParse(nik, out var parsed, out _) ? parsed.Masked : null;
        return (string.IsNullOrWhiteSpace(name) ? "-" : name.Trim(), masked);
    }

    /// <summary>The printed facts, one per line, in a fixed order: what the embedded seal covers.</summary>
    private static string Canonical(DocumentContent c) => string.Join('\n',
        "palopo-document-v1", c.Number, c.VerificationCodeDisplay, c.Title, c.AgencyName, c.HolderName, c.HolderNikMasked ?? "",
        c.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.IssuedByName, c.ReferenceNumber);

    /// <summary>After a failure nothing of the attempt may be saved by a later SaveChanges in this scope.</summary>
    private void Forget() => ((DbContext)db).ChangeTracker.Clear();

    private static IssueOutcome Map(RequestActionOutcome outcome) => outcome switch
    {
        RequestActionOutcome.Conflict => IssueOutcome.Conflict,
        RequestActionOutcome.NotAllowed => IssueOutcome.NotAllowed,
        _ => IssueOutcome.NotFound,
    };
}

public enum IssueOutcome
{
    Done,
    NotFound,
    NotAllowed,
    Conflict,

    /// <summary>Rendering or storing failed; nothing was saved and the request is still Approved.</summary>
    Failed,
}

public sealed record IssueResult(IssueOutcome Outcome, string? Number);

/// <summary>The public verification addresses (stable: they are printed on paper).</summary>
public static class VerificationPaths
{
    public const string Page = "/verifikasi";

    public static string ForCode(string code) => Page + "/" + VerificationCode.Display(code);
}

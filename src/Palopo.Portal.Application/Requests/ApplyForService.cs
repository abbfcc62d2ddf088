using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Calendar;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Files;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Population;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Requests;

public sealed record ApplyCommand(
    string Slug, Guid IdempotencyKey, IReadOnlyDictionary<string, string?> Answers, IReadOnlyList<IncomingFile> Files, bool Submit);

public enum ApplyOutcome
{
    NotFound,
    NotEligible,
    Saved,
    Invalid,
    Submitted,

    /// <summary>The same form was submitted before (double click, browser retry): nothing new was made.</summary>
    AlreadySubmitted,
}

public sealed record ApplyResult(ApplyOutcome Outcome, string? ReferenceNumber = null, IReadOnlyDictionary<string, FieldError>? Errors = null, IReadOnlyDictionary<string, string>? Answers = null);

public sealed record ApplyServiceInfo(Guid Id, Guid AgencyId, string Slug, LocalizedText Name, LocalizedText AgencyName, int ServiceDays, bool AllowsNonPalopoApplicants, bool IsFree);

public sealed record AttachedDocument(Guid Id, string RequirementKey, string FileName, long SizeBytes);

/// <summary>What the apply page shows: the service, its form version, the answers so far and the files attached.</summary>
public sealed record ApplyForm(
    ApplyServiceInfo Service, FormDefinition Definition, Guid IdempotencyKey, IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<AttachedDocument> Documents, bool IsDraft, bool ApplicantEligible);

/// <summary>
/// A citizen applies for a service: the form is kept as a draft on every save, and submitting
/// validates everything, gives the reference number and starts the legal clock in one transaction.
/// </summary>
public sealed class ApplyForService(
    IPortalDbContext db,
    AnswerValidator answers,
    UploadChecker uploads,
    IApplicantProfiles profiles,
    IReferenceNumberGenerator referenceNumbers,
    WorkingCalendarProvider calendars,
    IRequestNotifier notifier,
    IFileStore files,
    Microsoft.Extensions.Options.IOptions<PersonalData.PrivacyOptions> privacy,
    TimeProvider clock,
    ILogger<ApplyForService> logger)
{
    public async Task<ApplyForm?> LoadAsync(string slug, Guid userId, CancellationToken ct)
    {
        var service = await FindServiceAsync(slug, ct);
        if (service is null)
            return null;
        var profile = await profiles.FindAsync(userId, ct);
        var draft = await db.ServiceRequests.AsNoTracking()
            .Include(r => r.Documents)
            .Where(r => r.ApplicantUserId == userId && r.ServiceId == service.Id && r.Status == RequestStatus.Draft)
            .OrderByDescending(r => r.UpdatedAtUtc)
            .FirstOrDefaultAsync(ct);
        var definition = await FormAsync(draft?.FormVersionId, service.Id, ct);
        var values = draft is not null ? new Dictionary<string, string>(draft.Answers) : Prefill(definition.Definition, profile);
        return new ApplyForm(
            service, definition.Definition, draft?.IdempotencyKey ?? Guid.NewGuid(), values,
            draft is null ? [] : Attached(draft), draft is not null, IsEligible(service, profile));
    }

    public async Task<ApplyResult> HandleAsync(ApplyCommand command, Guid userId, CancellationToken ct)
    {
        // A second copy of the same form (double click, browser retry) can race this one. The
        // database refuses the loser (unique idempotency key, concurrency token); it then starts
        // over, finds the winner's request and reports it instead of making another.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await HandleOnceAsync(command, userId, ct);
            }
            catch (DbUpdateException ex) when (attempt < 4)
            {
                logger.LogInformation(ex, "Concurrent copy of an application form; trying again (attempt {Attempt})", attempt);
                ((DbContext)db).ChangeTracker.Clear();
            }
        }
    }

    private async Task<ApplyResult> HandleOnceAsync(ApplyCommand command, Guid userId, CancellationToken ct)
    {
        var service = await FindServiceAsync(command.Slug, ct);
        if (service is null)
            return new(ApplyOutcome.NotFound);
        var profile = await profiles.FindAsync(userId, ct);
        if (profile is null || !IsEligible(service, profile))
            return new(ApplyOutcome.NotEligible);

        var request = await db.ServiceRequests
            .Include(r => r.Documents)
            .FirstOrDefaultAsync(r => r.ApplicantUserId == userId && r.IdempotencyKey == command.IdempotencyKey, ct);
        if (request is not null && request.Status != RequestStatus.Draft)
            return new(ApplyOutcome.AlreadySubmitted, request.ReferenceNumber);

        var form = await FormAsync(request?.FormVersionId, service.Id, ct);
        var definition = form.Definition;
        var check = await answers.CheckAsync(definition.Fields, command.Answers, requireAll: command.Submit, ct);
        var errors = new Dictionary<string, FieldError>(check.Errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = new Actor(userId, profile.FullName, Domain.Users.Roles.Citizen);
        if (request is null)
        {
            request = ServiceRequest.StartDraft(service.Id, service.AgencyId, form.Id, service.ServiceDays, userId, RequestChannel.Online, command.IdempotencyKey, actor, now);
            db.ServiceRequests.Add(request);
        }

        request.SaveAnswers(check.Answers, now);
        var stored = await uploads.StoreAsync(request, definition, command.Files, errors, now, ct);

        if (command.Submit)
        {
            foreach (var document in definition.Documents.Where(d => d.Required))
            {
                if (!errors.ContainsKey(document.Key) && request.CurrentDocuments.All(d => d.RequirementKey != document.Key))
                    errors[document.Key] = new FieldError("DocumentRequired");
            }
        }

        try
        {
            if (!command.Submit || errors.Count > 0)
            {
                await db.SaveChangesAsync(ct);
                return new(command.Submit ? ApplyOutcome.Invalid : ApplyOutcome.Saved, null, errors, check.Answers);
            }

            var year = PalopoTime.ToLocal(now).Year;
            await referenceNumbers.EnsureYearAsync(year, ct);
            var calendar = await calendars.GetAsync(ct);
            var database = ((DbContext)db).Database;
            await using var transaction = await database.BeginTransactionAsync(ct);
            var number = await referenceNumbers.NextAsync(year, ct);
            // The consent gate in front of the form has made sure the applicant accepted this notice.
            request.RecordPrivacyNotice(privacy.Value.NoticeVersion);
            request.Submit(number, ReferenceNumber.NewTrackingCode(), calendar, PalopoTime.Today(clock), actor, now);
            await notifier.NotifyAsync(request, NotificationKind.Submitted, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Request {ReferenceNumber} submitted for service {Service}", number, service.Slug);
            return new(ApplyOutcome.Submitted, number);
        }
        catch (DbUpdateException)
        {
            await CleanUpAsync(stored, ct);
            throw;
        }
    }

    private async Task CleanUpAsync(IReadOnlyList<string> storedNames, CancellationToken ct)
    {
        foreach (var name in storedNames)
            await files.DeleteAsync(name, ct);
    }

    private static bool IsEligible(ApplyServiceInfo service, ApplicantProfile? profile) =>
        service.AllowsNonPalopoApplicants
        || (profile?.Nik is { } nik && Nik.TryParse(nik, out var parsed, out _) && parsed.IsPalopo);

    private static Dictionary<string, string> Prefill(FormDefinition definition, ApplicantProfile? profile)
    {
        var values = new Dictionary<string, string>();
        if (profile is null)
            return values;
        foreach (var field in definition.Fields)
        {
            var value = field.Prefill switch
            {
                ApplicantPrefill.Nik => profile.Nik,
                ApplicantPrefill.FullName => profile.FullName,
                ApplicantPrefill.PhoneNumber => profile.PhoneNumber,
                ApplicantPrefill.Kelurahan => profile.KelurahanCode,
                _ => null,
            };
            if (value is not null)
                values[field.Key] = value;
        }

        return values;
    }

    private static List<AttachedDocument> Attached(ServiceRequest request) =>
        [.. request.CurrentDocuments.Select(d => new AttachedDocument(d.Id, d.RequirementKey, d.FileName, d.SizeBytes))];

    private Task<ApplyServiceInfo?> FindServiceAsync(string slug, CancellationToken ct) =>
        db.Services.AsNoTracking()
            .Where(s => s.Slug == slug && s.IsActive)
            .Join(db.Agencies, s => s.AgencyId, a => a.Id, (s, a) => new ApplyServiceInfo(
                s.Id, s.AgencyId, s.Slug, s.Name, new LocalizedText(a.Name, a.NameEn), s.ServiceDays, s.AllowsNonPalopoApplicants, s.Fee == 0))
            .FirstOrDefaultAsync(ct);

    private async Task<ServiceFormVersion> FormAsync(Guid? formVersionId, Guid serviceId, CancellationToken ct)
    {
        if (formVersionId is { } id)
            return await db.ServiceFormVersions.AsNoTracking().SingleAsync(f => f.Id == id, ct);
        return await db.ServiceFormVersions.AsNoTracking()
            .Where(f => f.ServiceId == serviceId)
            .OrderByDescending(f => f.Version)
            .FirstAsync(ct);
    }

    internal static string Sha256Hex(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));
}

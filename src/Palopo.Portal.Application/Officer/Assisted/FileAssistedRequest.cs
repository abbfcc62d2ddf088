using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Calendar;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Files;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Population;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Officer.Assisted;

/// <summary>One of the officer's agency's active services, as the counter lists it.</summary>
public sealed record CounterService(string Slug, LocalizedText Name, bool AllowsNonPalopoApplicants);

/// <summary>The service form at the counter: always a fresh idempotency key, never a draft, never prefilled from anyone.</summary>
public sealed record CounterForm(ApplyServiceInfo Service, FormDefinition Definition, Guid IdempotencyKey);

/// <summary>The walk-in citizen as identified at step 1 (NIK cleaned to 16 digits, name trimmed).</summary>
public sealed record CounterCitizen(string Nik, string FullName)
{
    /// <summary>First and last four digits only, for the audit trail and printed pages.</summary>
    public string MaskedNik => AssistedAnswers.MaskNik(Nik);
}

public sealed record FileAssistedCommand(
    string Slug, Guid IdempotencyKey, string? Nik, string? FullName, bool Consent,
    IReadOnlyDictionary<string, string?> Answers, IReadOnlyList<IncomingFile> Files);

public enum FileAssistedOutcome
{
    /// <summary>No such active service of the officer's agency (the caller answers 404).</summary>
    NotFound,
    Invalid,
    Filed,

    /// <summary>The same counter form was submitted before (double click): nothing new was made.</summary>
    AlreadyFiled,
}

public sealed record FileAssistedResult(
    FileAssistedOutcome Outcome, string? ReferenceNumber = null,
    IReadOnlyDictionary<string, FieldError>? Errors = null, IReadOnlyDictionary<string, string>? Answers = null);

/// <summary>
/// The service counter (loket): an officer files a request for a walk-in citizen who has no
/// account. The citizen is identified by NIK and name, gives consent before the officer, and the
/// request is submitted at once (never a draft, so nothing of one citizen waits in the database for
/// the next one's form). Reference number and tracking code come from the same transaction pattern
/// as <see cref="ApplyForService"/>. Invalid input saves nothing at all.
/// </summary>
public sealed class FileAssistedRequest(
    IPortalDbContext db,
    AnswerValidator answers,
    UploadChecker uploads,
    IReferenceNumberGenerator referenceNumbers,
    WorkingCalendarProvider calendars,
    AuditTrail audit,
    IFileStore files,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<PersonalData.PrivacyOptions> privacy,
    ILogger<FileAssistedRequest> logger)
{
    public const int MaxNameLength = 150;

    /// <summary>Field keys of the identification and consent errors (also the ids of their inputs).</summary>
    public const string ServiceKey = "layanan";
    public const string NikKey = "pemohon_nik";
    public const string NameKey = "pemohon_nama";
    public const string ConsentKey = "persetujuan";

    public async Task<IReadOnlyList<CounterService>> ListServicesAsync(StaffMember staff, CancellationToken ct)
    {
        if (staff.AgencyId is not { } agencyId)
            return [];
        var services = await db.Services.AsNoTracking()
            .Where(s => s.AgencyId == agencyId && s.IsActive)
            .Select(s => new CounterService(s.Slug, s.Name, s.AllowsNonPalopoApplicants))
            .ToListAsync(ct);
        return [.. services.OrderBy(s => s.Name.Id, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("id"), true))];
    }

    /// <summary>The service's form for a new walk-in citizen; null if the service is not the officer's agency's (404).</summary>
    public async Task<CounterForm?> LoadAsync(string slug, StaffMember staff, CancellationToken ct)
    {
        var service = await FindServiceAsync(slug, staff, ct);
        if (service is null)
            return null;
        var form = await CurrentFormAsync(service.Id, ct);
        return new CounterForm(service, form.Definition, Guid.NewGuid());
    }

    /// <summary>Step 1: checks the chosen service, the NIK (shape, region, date; Palopo unless the service allows others) and the name.</summary>
    public async Task<(CounterForm? Form, CounterCitizen? Citizen, IReadOnlyDictionary<string, FieldError> Errors)> IdentifyAsync(
        string? slug, string? nik, string? fullName, StaffMember staff, CancellationToken ct)
    {
        var errors = new Dictionary<string, FieldError>();
        var form = string.IsNullOrWhiteSpace(slug) ? null : await LoadAsync(slug.Trim(), staff, ct);
        if (form is null)
            errors[ServiceKey] = new FieldError("ServiceRequired");
        var citizen = CheckCitizen(nik, fullName, form?.Service.AllowsNonPalopoApplicants ?? true, errors);
        return (errors.Count == 0 ? form : null, citizen, errors);
    }

    public async Task<FileAssistedResult> HandleAsync(FileAssistedCommand command, StaffMember staff, CancellationToken ct)
    {
        var service = await FindServiceAsync(command.Slug, staff, ct);
        if (service is null)
            return new(FileAssistedOutcome.NotFound);

        // A double click sends the same key twice: the second finds the first and makes nothing.
        var earlier = await FindByKeyAsync(command.IdempotencyKey, ct);
        if (earlier is not null)
            return new(FileAssistedOutcome.AlreadyFiled, earlier);

        var form = await CurrentFormAsync(service.Id, ct);
        var definition = form.Definition;
        var check = await answers.CheckAsync(definition.Fields, command.Answers, requireAll: true, ct);
        var errors = new Dictionary<string, FieldError>(check.Errors);
        var citizen = CheckCitizen(command.Nik, command.FullName, service.AllowsNonPalopoApplicants, errors);
        if (!command.Consent)
            errors[ConsentKey] = new FieldError("ConsentRequired");

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = staff.AsActor();
        var request = ServiceRequest.StartDraft(
            service.Id, service.AgencyId, form.Id, service.ServiceDays, applicantUserId: null, RequestChannel.Assisted,
            command.IdempotencyKey, actor, now);
        var stored = new List<string>();
        if (errors.Count == 0)
        {
            // Files are stored only when everything else is right, and removed again if anything fails:
            // a refused counter form leaves neither a row nor a file behind.
            stored.AddRange(await uploads.StoreAsync(request, definition, command.Files, errors, now, ct));
            foreach (var document in definition.Documents.Where(d => d.Required))
            {
                if (!errors.ContainsKey(document.Key) && request.CurrentDocuments.All(d => d.RequirementKey != document.Key))
                    errors[document.Key] = new FieldError("DocumentRequired");
            }
        }
        else
        {
            foreach (var document in definition.Documents.Where(d => d.Required))
            {
                if (command.Files.All(f => f.RequirementKey != document.Key || f.Length == 0))
                    errors.TryAdd(document.Key, new FieldError("DocumentRequired"));
            }
        }

        if (errors.Count > 0 || citizen is null)
        {
            await DeleteAsync(stored, ct);
            return new(FileAssistedOutcome.Invalid, null, errors, check.Answers);
        }

        var values = new Dictionary<string, string>(check.Answers)
        {
            [AssistedAnswers.ApplicantNik] = citizen.Nik,
            [AssistedAnswers.ApplicantName] = citizen.FullName,
            [AssistedAnswers.Consent] = AssistedAnswers.ConsentValue(staff.Name, now),
        };
        request.SaveAnswers(values, now);

        try
        {
            var year = PalopoTime.ToLocal(now).Year;
            await referenceNumbers.EnsureYearAsync(year, ct);
            var calendar = await calendars.GetAsync(ct);
            await using var transaction = await ((DbContext)db).Database.BeginTransactionAsync(ct);
            var number = await referenceNumbers.NextAsync(year, ct);

            // The counter row is now locked: a concurrent copy of this form either committed before
            // (and is seen here) or waits behind us. Assisted requests have no applicant, so the
            // unique (ApplicantUserId, IdempotencyKey) index cannot catch the race by itself.
            earlier = await FindByKeyAsync(command.IdempotencyKey, ct);
            if (earlier is not null)
            {
                await transaction.RollbackAsync(ct);
                await DeleteAsync(stored, ct);
                return new(FileAssistedOutcome.AlreadyFiled, earlier);
            }

            db.ServiceRequests.Add(request);
            // The citizen consented at the counter to the notice the officer showed: the current one.
            request.RecordPrivacyNotice(privacy.Value.NoticeVersion);
            request.Submit(number, ReferenceNumber.NewTrackingCode(), calendar, PalopoTime.Today(clock), actor, now);
            audit.Record(AuditAction.AssistedRequestFiled, staff, "ServiceRequest", request.Id, reference: number,
                detail: $"Loket: {service.Slug}; NIK {citizen.MaskedNik}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Assisted request {ReferenceNumber} filed at the counter for service {Service}", number, service.Slug);
            return new(FileAssistedOutcome.Filed, number);
        }
        catch
        {
            await DeleteAsync(stored, CancellationToken.None);
            throw;
        }
    }

    private static CounterCitizen? CheckCitizen(string? nik, string? fullName, bool allowsNonPalopo, Dictionary<string, FieldError> errors)
    {
        string? cleanNik = null;
        if (!Nik.TryParse(nik, out var parsed, out var nikError))
            errors[NikKey] = new FieldError("Nik." + nikError);
        else if (!parsed.IsPalopo && !allowsNonPalopo)
            errors[NikKey] = new FieldError("CounterNotPalopoNik");
        else
            cleanNik = parsed.Value;

        var name = string.Join(' ', (fullName ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0)
            errors[NameKey] = FieldError.Required;
        else if (name.Length > MaxNameLength)
            errors[NameKey] = new FieldError("TooLong", MaxNameLength);
        else if (name.Any(char.IsControl))
            errors[NameKey] = new FieldError("InvalidCharacters");

        return cleanNik is not null && !errors.ContainsKey(NameKey) ? new CounterCitizen(cleanNik, name) : null;
    }

    private Task<string?> FindByKeyAsync(Guid key, CancellationToken ct) =>
        // Served by the (ApplicantUserId, IdempotencyKey) index: an assisted request has no applicant until claimed.
        db.ServiceRequests.AsNoTracking()
            .Where(r => r.ApplicantUserId == null && r.IdempotencyKey == key && r.Channel == RequestChannel.Assisted)
            .Select(r => r.ReferenceNumber)
            .FirstOrDefaultAsync(ct);

    private async Task DeleteAsync(IEnumerable<string> storedNames, CancellationToken ct)
    {
        foreach (var name in storedNames)
            await files.DeleteAsync(name, ct);
    }

    private Task<ApplyServiceInfo?> FindServiceAsync(string slug, StaffMember staff, CancellationToken ct) =>
        db.Services.AsNoTracking()
            .Where(s => s.Slug == slug && s.IsActive && staff.AgencyId != null && s.AgencyId == staff.AgencyId)
            .Join(db.Agencies, s => s.AgencyId, a => a.Id, (s, a) => new ApplyServiceInfo(
                s.Id, s.AgencyId, s.Slug, s.Name, new LocalizedText(a.Name, a.NameEn), s.ServiceDays, s.AllowsNonPalopoApplicants, s.Fee == 0))
            .FirstOrDefaultAsync(ct);

    private Task<ServiceFormVersion> CurrentFormAsync(Guid serviceId, CancellationToken ct) =>
        db.ServiceFormVersions.AsNoTracking()
            .Where(f => f.ServiceId == serviceId)
            .OrderByDescending(f => f.Version)
            .FirstAsync(ct);
}

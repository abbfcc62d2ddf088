using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.PersonalData;

namespace Palopo.Portal.Application.PersonalData;

/// <summary>
/// Who a breach affected, as the admin selects them: reference numbers and/or e-mail addresses
/// (one per line or comma-separated), and/or every applicant of one service.
/// </summary>
public sealed record BreachSelection(string? ReferencesOrEmails, string? ServiceSlug);

public sealed record RecordBreachCommand(
    string? Title, string? DataAffected, string? HowItHappened, string? Remedy,
    DateTime? OccurredAtLocal, DateTime? DiscoveredAtLocal, BreachSelection Selection);

/// <summary>Field key → resource key of its message.</summary>
public sealed record BreachResult(bool Ok, Guid? Id, IReadOnlyDictionary<string, string> Errors, int Count = 0);

public sealed record BreachRow(
    Guid Id, string Title, DateTime OccurredAtUtc, DateTime DiscoveredAtUtc, DateTime NotifyDueAtUtc,
    DateTime? AuthorityNotifiedAtUtc, DateTime? SubjectsNotifiedAtUtc, int Subjects, int SubjectsNotified, double HoursLeft, bool Overdue);

public sealed record BreachDetails(BreachRow Row, string DataAffected, string HowItHappened, string Remedy, string RecordedBy, DateTime RecordedAtUtc, int Version);

/// <summary>
/// The breach register (/admin/insiden): records a breach and who it affected, counts down the
/// 3×24-hour duty to notify (from discovery), records when the authority was told, and sends the
/// notice to each affected citizen once through the outbox.
/// </summary>
public sealed class BreachRegister(
    IPortalDbContext db, IPersonalDataAccounts accounts, IApplicantDirectory applicants, AuditTrail audit,
    IOptions<PortalOptions> portal, TimeProvider clock)
{
    public async Task<IReadOnlyList<BreachRow>> ListAsync(CancellationToken ct)
    {
        var breaches = await db.DataBreaches.AsNoTracking().Include(b => b.Subjects)
            .OrderByDescending(b => b.DiscoveredAtUtc).Take(200).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. breaches.Select(b => Row(b, now))];
    }

    public async Task<BreachDetails?> FindAsync(Guid id, CancellationToken ct)
    {
        var b = await db.DataBreaches.AsNoTracking().Include(x => x.Subjects).FirstOrDefaultAsync(x => x.Id == id, ct);
        return b is null ? null : new BreachDetails(Row(b, clock.GetUtcNow().UtcDateTime), b.DataAffected, b.HowItHappened, b.Remedy, b.RecordedBy, b.RecordedAtUtc, b.Version);
    }

    public async Task<BreachResult> RecordAsync(RecordBreachCommand c, StaffMember admin, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        Require(errors, "Title", c.Title, 200);
        Require(errors, "DataAffected", c.DataAffected, DataBreach.TextMaxLength);
        Require(errors, "HowItHappened", c.HowItHappened, DataBreach.TextMaxLength);
        Require(errors, "Remedy", c.Remedy, DataBreach.TextMaxLength);
        var now = clock.GetUtcNow().UtcDateTime;
        if (c.OccurredAtLocal is null)
            errors["OccurredAt"] = "Breach.Error.DateRequired";
        if (c.DiscoveredAtLocal is null)
            errors["DiscoveredAt"] = "Breach.Error.DateRequired";
        DateTime occurred = default, discovered = default;
        if (c.OccurredAtLocal is { } o && c.DiscoveredAtLocal is { } d)
        {
            occurred = ToUtc(o);
            discovered = ToUtc(d);
            if (discovered < occurred)
                errors["DiscoveredAt"] = "Breach.Error.DiscoveredBeforeOccurred";
            else if (discovered > now.AddMinutes(5))
                errors["DiscoveredAt"] = "Breach.Error.Future";
        }

        var (userIds, selectionError) = await ResolveAsync(c.Selection, ct);
        if (selectionError is not null)
            errors["Selection"] = selectionError;
        if (errors.Count > 0)
            return new(false, null, errors);

        var breach = DataBreach.Record(c.Title!, c.DataAffected!, c.HowItHappened!, c.Remedy!, occurred, discovered, admin.Name, now);
        breach.AddSubjects(userIds, now);
        db.DataBreaches.Add(breach);
        audit.Record(AuditAction.BreachRecorded, admin, "DataBreach", breach.Id, null, null,
            string.Create(CultureInfo.InvariantCulture, $"{userIds.Count} affected"));
        await db.SaveChangesAsync(ct);
        return new(true, breach.Id, errors, userIds.Count);
    }

    public async Task<BreachResult> AddSubjectsAsync(Guid id, BreachSelection selection, CancellationToken ct)
    {
        var breach = await db.DataBreaches.Include(b => b.Subjects).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (breach is null)
            return new(false, null, new Dictionary<string, string> { [""] = "NotFound" });
        var (userIds, error) = await ResolveAsync(selection, ct);
        if (error is not null)
            return new(false, id, new Dictionary<string, string> { ["Selection"] = error });
        var added = breach.AddSubjects(userIds, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return new(true, id, new Dictionary<string, string>(), added);
    }

    public async Task<BreachResult> RecordAuthorityNotifiedAsync(Guid id, DateTime? atLocal, StaffMember admin, CancellationToken ct)
    {
        var breach = await db.DataBreaches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (breach is null)
            return new(false, null, new Dictionary<string, string> { [""] = "NotFound" });
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            breach.RecordAuthorityNotified(atLocal is { } at ? ToUtc(at) : now, now);
        }
        catch (DomainRuleException)
        {
            return new(false, id, new Dictionary<string, string> { ["AuthorityAt"] = "Breach.Error.AuthorityTime" });
        }

        audit.Record(AuditAction.BreachNotified, admin, "DataBreach", id, null, null, "authority");
        await db.SaveChangesAsync(ct);
        return new(true, id, new Dictionary<string, string>());
    }

    /// <summary>Queues the notice for every affected citizen not yet told; a second press sends nothing.</summary>
    public async Task<BreachResult> NotifySubjectsAsync(Guid id, StaffMember admin, CancellationToken ct)
    {
        var breach = await db.DataBreaches.Include(b => b.Subjects).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (breach is null)
            return new(false, null, new Dictionary<string, string> { [""] = "NotFound" });
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = breach.TakeSubjectsToNotify(now);
        foreach (var subject in pending)
        {
            var contact = await applicants.FindAsync(subject.UserId, ct);
            if (contact?.Email is not { } email)
                continue;
            var culture = PersonalDataTexts.Culture(contact.Language);
            var body = PersonalDataTexts.Format("Breach.Body", culture, breach.Title, breach.DataAffected,
                PalopoTime.ToLocal(breach.DiscoveredAtUtc).ToString("d MMM yyyy HH.mm", culture) + " WITA", breach.Remedy);
            db.OutboxMessages.Add(PersonalDataMail.Compose(email, contact.Language, contact.FullName, "Breach.Subject",
                [body, PersonalDataTexts.Get("Breach.Contact", culture)], portal.Value.Absolute("/data-saya"), now));
            audit.Record(AuditAction.BreachNotified, admin, "DataBreach", id, subject.UserId, null, "data subject");
        }

        // The version check (concurrency token) stops two admins pressing at once from both sending:
        // the second save fails and its messages are never written.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(false, id, new Dictionary<string, string> { ["Notify"] = "Rights.Desk.Error.Conflict" });
        }

        return new(true, id, new Dictionary<string, string>(), pending.Count);
    }

    private async Task<(IReadOnlyList<Guid> Ids, string? Error)> ResolveAsync(BreachSelection selection, CancellationToken ct)
    {
        var tokens = (selection.ReferencesOrEmails ?? "")
            .Split(['\n', '\r', ',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var slug = selection.ServiceSlug?.Trim();
        if (tokens.Count == 0 && string.IsNullOrEmpty(slug))
            return ([], "Breach.Error.NobodySelected");
        if (tokens.Count > 5000)
            return ([], "Breach.Error.TooMany");

        var ids = new HashSet<Guid>();
        var emails = tokens.Where(t => t.Contains('@', StringComparison.Ordinal)).ToList();
        var references = tokens.Except(emails).Select(t => t.ToUpperInvariant()).ToList();
        var unknown = new List<string>();
        if (references.Count > 0)
        {
            var found = await db.ServiceRequests.AsNoTracking()
                .Where(r => r.ReferenceNumber != null && references.Contains(r.ReferenceNumber))
                .Select(r => new { r.ReferenceNumber, r.ApplicantUserId })
                .ToListAsync(ct);
            unknown.AddRange(references.Except(found.Select(f => f.ReferenceNumber!)));
            ids.UnionWith(found.Where(f => f.ApplicantUserId is not null).Select(f => f.ApplicantUserId!.Value));
        }

        if (emails.Count > 0)
        {
            var found = await accounts.CitizenIdsByEmailAsync(emails, ct);
            if (found.Count < emails.Count)
                unknown.Add("e-mail");
            ids.UnionWith(found);
        }

        if (unknown.Count > 0)
            return ([], "Breach.Error.Unknown");

        if (!string.IsNullOrEmpty(slug))
        {
            var serviceId = await db.Services.AsNoTracking().Where(s => s.Slug == slug).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            if (serviceId is null)
                return ([], "Breach.Error.UnknownService");
            var applicants = await db.ServiceRequests.AsNoTracking()
                .Where(r => r.ServiceId == serviceId && r.ApplicantUserId != null)
                .Select(r => r.ApplicantUserId!.Value).Distinct().ToListAsync(ct);
            ids.UnionWith(applicants);
        }

        return ([.. ids], null);
    }

    /// <summary>The form's times are Palopo local time (WITA).</summary>
    private static DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local - PalopoTime.Offset, DateTimeKind.Utc);

    private static void Require(Dictionary<string, string> errors, string key, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors[key] = "Breach.Error.Required";
        else if (value.Trim().Length > max)
            errors[key] = "Breach.Error.TooLong";
    }

    private static BreachRow Row(DataBreach b, DateTime now)
    {
        var left = (b.NotifyDueAtUtc - now).TotalHours;
        var done = b.AuthorityNotifiedAtUtc is not null && b.Subjects.All(s => s.NotifiedAtUtc is not null);
        return new BreachRow(b.Id, b.Title, b.OccurredAtUtc, b.DiscoveredAtUtc, b.NotifyDueAtUtc, b.AuthorityNotifiedAtUtc, b.SubjectsNotifiedAtUtc,
            b.Subjects.Count, b.Subjects.Count(s => s.NotifiedAtUtc is not null), left, !done && left < 0);
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Requests;

/// <summary>One change of status on the public tracking page: when, and to what. Nothing else.</summary>
public sealed record TrackedStatusChange(DateTime AtUtc, RequestStatus Status);

/// <summary>
/// What anyone holding a reference number and its tracking code may see: no names, no NIK, no
/// answers, no notes, no documents.
/// </summary>
public sealed record TrackedRequest(
    string ReferenceNumber, LocalizedText ServiceName, LocalizedText AgencyName, RequestStatus Status,
    DateTime SubmittedAtUtc, DateOnly? DueOn, bool IsClockPaused, IReadOnlyList<TrackedStatusChange> History);

/// <summary>
/// The public tracking page (/lacak): a reference number plus the short code from the receipt.
/// A wrong code and an unknown number give the same null, so the page cannot be used to find out
/// which numbers exist.
/// </summary>
public sealed class TrackRequest(IPortalDbContext db)
{
    public async Task<TrackedRequest?> FindAsync(string? referenceNumber, string? trackingCode, CancellationToken ct)
    {
        var reference = NormalizeReference(referenceNumber);
        var code = ReferenceNumber.NormalizeTrackingCode(trackingCode);
        if (!ReferenceNumber.IsWellFormed(reference) || code.Length == 0)
            return null;

        var found = await (
                from r in db.ServiceRequests.AsNoTracking()
                where r.ReferenceNumber == reference && r.SubmittedAtUtc != null
                join s in db.Services on r.ServiceId equals s.Id
                join a in db.Agencies on s.AgencyId equals a.Id
                select new
                {
                    r.Id,
                    r.TrackingCode,
                    s.Name,
                    AgencyName = new LocalizedText(a.Name, a.NameEn),
                    r.Status,
                    SubmittedAtUtc = r.SubmittedAtUtc!.Value,
                    r.DueOn,
                    r.ClockPausedOn,
                })
            .FirstOrDefaultAsync(ct);
        if (found?.TrackingCode is null || !SameCode(found.TrackingCode, code))
            return null;

        var history = await db.RequestEvents.AsNoTracking()
            .Where(e => e.RequestId == found.Id && e.Kind == RequestEventKind.StatusChanged && e.ToStatus != null && e.ToStatus != RequestStatus.Draft)
            .OrderBy(e => e.AtUtc)
            .Select(e => new TrackedStatusChange(e.AtUtc, e.ToStatus!.Value))
            .ToListAsync(ct);

        return new TrackedRequest(reference, found.Name, found.AgencyName, found.Status, found.SubmittedAtUtc, found.DueOn, found.ClockPausedOn is not null, history);
    }

    /// <summary>"plp 2026 000123", "PLP-2026-000123 " and "plp-2026-000123" all mean PLP-2026-000123.</summary>
    public static string NormalizeReference(string? value)
    {
        var compact = new string(ReferenceNumber.Normalize(value).Where(char.IsAsciiLetterOrDigit).ToArray());
        return compact.Length == 13 && compact.StartsWith("PLP", StringComparison.Ordinal)
            ? $"PLP-{compact[3..7]}-{compact[7..]}"
            : ReferenceNumber.Normalize(value);
    }

    private static bool SameCode(string stored, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ReferenceNumber.NormalizeTrackingCode(stored)), Encoding.ASCII.GetBytes(given));
}

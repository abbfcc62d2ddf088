using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Application.Officer.Assisted;

/// <summary>
/// A signed-in citizen takes a request filed for them at the counter into their own account, with
/// the reference number and tracking code from the receipt. It works only if the request is
/// assisted, not yet claimed, and was filed for the citizen's own NIK. Every refusal looks the same
/// to the caller (null), so the form cannot be used to learn which numbers, codes or NIKs exist.
/// </summary>
public sealed class ClaimAssistedRequest(IPortalDbContext db, IApplicantProfiles profiles, TimeProvider clock)
{
    /// <summary>The reference number claimed, or null when refused (nothing changed).</summary>
    public async Task<string?> HandleAsync(string? referenceNumber, string? trackingCode, Guid userId, CancellationToken ct)
    {
        var reference = TrackRequest.NormalizeReference(referenceNumber);
        var code = ReferenceNumber.NormalizeTrackingCode(trackingCode);
        if (!ReferenceNumber.IsWellFormed(reference) || code.Length == 0)
            return null;

        var request = await db.ServiceRequests
            .FirstOrDefaultAsync(r => r.ReferenceNumber == reference && r.Channel == RequestChannel.Assisted && r.ApplicantUserId == null, ct);
        var profile = await profiles.FindAsync(userId, ct);
        if (request?.TrackingCode is null || profile?.Nik is null
            || !Same(ReferenceNumber.NormalizeTrackingCode(request.TrackingCode), code)
            || !Same(Digits(request.Answers.GetValueOrDefault(AssistedAnswers.ApplicantNik)), Digits(profile.Nik)))
            return null;

        var now = clock.GetUtcNow().UtcDateTime;
        request.ClaimBy(userId, new Actor(userId, profile.FullName, Roles.Citizen), now);
        db.AuditEntries.Add(new AuditEntry(
            AuditAction.AssistedRequestClaimed, now, userId, profile.FullName, null, "ServiceRequest", request.Id, userId, reference, null));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null; // claimed at the same moment by another session: the first one won
        }

        return reference;
    }

    private static string Digits(string? value) => new((value ?? "").Where(char.IsAsciiDigit).ToArray());

    private static bool Same(string a, string b) =>
        a.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}

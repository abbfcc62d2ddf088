using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Officer.Assisted;

/// <summary>What the printed counter receipt shows. The NIK only masked.</summary>
public sealed record AssistedReceipt(
    string ReferenceNumber, string TrackingCode, LocalizedText ServiceName, LocalizedText AgencyName,
    DateTime SubmittedAtUtc, DateOnly DueOn, int ServiceDays, bool IsFree,
    string ApplicantName, string MaskedNik, string OfficerName);

/// <summary>The receipt of an assisted request, for officers of the agency that owns it.</summary>
public sealed class AssistedReceipts(IPortalDbContext db, AuditTrail audit)
{
    /// <summary>Null for another agency's request, an online request, or an unknown number (the caller answers 404).</summary>
    public async Task<AssistedReceipt?> FindAsync(string referenceNumber, StaffMember staff, CancellationToken ct)
    {
        if (staff.AgencyId is not { } agencyId)
            return null;
        var found = await (
                from q in db.ServiceRequests.AsNoTracking()
                where q.ReferenceNumber == referenceNumber && q.AgencyId == agencyId
                      && q.Channel == RequestChannel.Assisted && q.SubmittedAtUtc != null
                join s in db.Services on q.ServiceId equals s.Id
                join a in db.Agencies on s.AgencyId equals a.Id
                select new { Request = q, s.Name, AgencyName = new LocalizedText(a.Name, a.NameEn), IsFree = s.Fee == 0 })
            .FirstOrDefaultAsync(ct);
        if (found is null)
            return null;

        var r = found.Request;
        var answers = r.Answers;
        // The receipt shows the citizen's name: a view of personal data, so it is on the audit trail.
        audit.Record(AuditAction.RequestViewed, staff, "ServiceRequest", r.Id, r.ApplicantUserId, r.ReferenceNumber, "Tanda terima loket");
        await db.SaveChangesAsync(ct);
        return new AssistedReceipt(
            r.ReferenceNumber!, r.TrackingCode!, found.Name, found.AgencyName, r.SubmittedAtUtc!.Value, r.DueOn!.Value, r.ServiceDays, found.IsFree,
            answers.GetValueOrDefault(AssistedAnswers.ApplicantName) ?? "",
            AssistedAnswers.MaskNik(answers.GetValueOrDefault(AssistedAnswers.ApplicantNik)),
            AssistedAnswers.ConsentOfficer(answers.GetValueOrDefault(AssistedAnswers.Consent)) ?? staff.Name);
    }
}

using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Requests;

/// <summary>What the confirmation page and the printable receipt show.</summary>
public sealed record RequestReceipt(
    string ReferenceNumber, string TrackingCode, LocalizedText ServiceName, string ServiceSlug, LocalizedText AgencyName,
    DateTime SubmittedAtUtc, DateOnly DueOn, int ServiceDays, RequestChannel Channel, string ApplicantName, bool IsFree);

public sealed class RequestReceipts(IPortalDbContext db)
{
    /// <summary>The receipt of a submitted request owned by <paramref name="applicantUserId"/>; null for anyone else's (the caller answers 404).</summary>
    public Task<RequestReceipt?> FindForApplicantAsync(string referenceNumber, Guid applicantUserId, CancellationToken ct) =>
        (from r in db.ServiceRequests.AsNoTracking()
         where r.ReferenceNumber == referenceNumber && r.ApplicantUserId == applicantUserId && r.SubmittedAtUtc != null
         join s in db.Services on r.ServiceId equals s.Id
         join a in db.Agencies on s.AgencyId equals a.Id
         select new RequestReceipt(
             r.ReferenceNumber!, r.TrackingCode!, s.Name, s.Slug, new LocalizedText(a.Name, a.NameEn),
             r.SubmittedAtUtc!.Value, r.DueOn!.Value, r.ServiceDays, r.Channel, "", s.Fee == 0))
        .FirstOrDefaultAsync(ct);
}

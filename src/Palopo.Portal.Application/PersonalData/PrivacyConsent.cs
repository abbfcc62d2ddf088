using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;

namespace Palopo.Portal.Application.PersonalData;

/// <summary>
/// Consent to the privacy notice in force (<see cref="PrivacyOptions.NoticeVersion"/>): whether the
/// citizen has to be asked again, and recording that they accepted (version and time, audited).
/// </summary>
public sealed class PrivacyConsent(IPortalDbContext db, IPersonalDataAccounts accounts, AuditTrail audit, IOptions<PrivacyOptions> options, TimeProvider clock)
{
    public string CurrentVersion => options.Value.NoticeVersion;

    public async Task<bool> NeedsConsentAsync(Guid userId, CancellationToken ct) =>
        !string.Equals(await accounts.AcceptedNoticeVersionAsync(userId, ct), CurrentVersion, StringComparison.Ordinal);

    public async Task<bool> AcceptAsync(Guid userId, string userName, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await accounts.RecordNoticeAcceptedAsync(userId, CurrentVersion, now, ct))
            return false;
        // Actor and subject are the citizen; no data subject, so it is not listed as an access by someone else.
        audit.Record(AuditAction.ConsentGiven, new StaffMember(userId, userName, null, []), "User", userId, null, null, CurrentVersion);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

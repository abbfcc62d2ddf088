using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.PersonalData;

/// <summary>What an erasure did, as the citizen reads it, and the files to delete once it is committed.</summary>
public sealed record ErasureResult(string Report, IReadOnlyList<string> FilesToDelete);

/// <summary>
/// Erases what UU PDP Pasal 8 and 16 let us erase and keeps what an archive duty requires
/// (decision in docs/security.md "Erasure"): the account's personal fields and NIK go; drafts and
/// withdrawn requests go with their files; decided requests stay in the archive for
/// <see cref="PrivacyOptions.DecidedRequestRetentionYears"/> with the applicant retained (a decision
/// must stay provable); open requests stay until decided or withdrawn. Each item's reason goes into
/// the report. Works in the caller's unit of work: the caller saves, then deletes the files.
/// </summary>
public sealed class PersonalDataEraser(IPortalDbContext db, IPersonalDataAccounts accounts, IOptions<PrivacyOptions> options)
{
    public async Task<ErasureResult> EraseAsync(Guid userId, string language, DateTime nowUtc, CancellationToken ct)
    {
        var culture = PersonalDataTexts.Culture(language);
        string F(string key, params object?[] args) => PersonalDataTexts.Format(key, culture, args);
        var report = new StringBuilder().AppendLine(F("Erasure.Header", nowUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)));
        var files = new List<string>();

        var requests = await db.ServiceRequests.Include(r => r.Documents)
            .Where(r => r.ApplicantUserId == userId)
            .OrderBy(r => r.CreatedAtUtc)
            .ToListAsync(ct);
        foreach (var request in requests)
        {
            var label = request.ReferenceNumber ?? request.CreatedAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            switch (request.Status)
            {
                case RequestStatus.Draft:
                case RequestStatus.Withdrawn:
                    files.AddRange(request.Documents.Select(d => d.StoredName));
                    db.ServiceRequests.Remove(request);
                    report.Append("- ").AppendLine(F(request.Status == RequestStatus.Draft ? "Erasure.Draft" : "Erasure.Withdrawn", label));
                    break;
                case RequestStatus.Approved or RequestStatus.Issued or RequestStatus.Rejected:
                    var until = (request.DecidedAtUtc ?? request.UpdatedAtUtc).AddYears(options.Value.DecidedRequestRetentionYears);
                    report.Append("- ").AppendLine(F("Erasure.Decided", label, request.Status, until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                    break;
                default:
                    report.Append("- ").AppendLine(F("Erasure.Open", label, request.Status));
                    break;
            }
        }

        var notifications = await db.Notifications.Where(n => n.UserId == userId).ToListAsync(ct);
        db.Notifications.RemoveRange(notifications);
        report.Append("- ").AppendLine(F("Erasure.Notifications"));

        await accounts.EraseAsync(userId, ct);
        report.Append("- ").AppendLine(F("Erasure.Account"));
        report.Append("- ").Append(F("Erasure.Audit"));
        return new ErasureResult(report.ToString(), files);
    }
}

namespace Palopo.Portal.Application.PersonalData;

/// <summary>
/// A citizen's own account as "my data" shows and exports it. <see cref="Nik"/> is decrypted and
/// in full (it is the person's own data): keep it in memory only, and give it to no one else.
/// </summary>
public sealed record MyDataAccount(
    Guid UserId,
    string FullName,
    string? Email,
    string? PhoneNumber,
    string? Nik,
    string? KelurahanCode,
    DateTime CreatedAtUtc,
    string? PrivacyNoticeVersion,
    DateTime? PrivacyNoticeAcceptedAtUtc);

/// <summary>Reads the signed-in person's own account fields (Identity lives in Infrastructure).</summary>
public interface IMyDataAccounts
{
    Task<MyDataAccount?> FindAsync(Guid userId, CancellationToken ct);
}

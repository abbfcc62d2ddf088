namespace Palopo.Portal.Application.PersonalData;

/// <summary>The account side of personal-data work (Identity lives in Infrastructure).</summary>
public interface IPersonalDataAccounts
{
    /// <summary>The privacy-notice version the person last accepted; null when none or no such account.</summary>
    Task<string?> AcceptedNoticeVersionAsync(Guid userId, CancellationToken ct);

    /// <summary>Records acceptance in the current unit of work (the caller saves).</summary>
    Task<bool> RecordNoticeAcceptedAsync(Guid userId, string version, DateTime nowUtc, CancellationToken ct);

    /// <summary>Ids of citizen accounts with these e-mail addresses (case-insensitive); unknown ones are skipped.</summary>
    Task<IReadOnlyList<Guid>> CitizenIdsByEmailAsync(IReadOnlyCollection<string> emails, CancellationToken ct);

    /// <summary>
    /// Anonymises the account in the current unit of work: name, e-mail, phone, NIK cipher and
    /// hash, kelurahan, password and two-factor secrets go; the account is locked and its
    /// sessions end. The row itself stays (kept decided requests point at it).
    /// </summary>
    Task<bool> EraseAsync(Guid userId, CancellationToken ct);
}

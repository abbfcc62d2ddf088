namespace Palopo.Portal.Application.Notifications;

/// <summary>How to reach an applicant: the account's name, e-mail and preferred language.</summary>
public interface IApplicantDirectory
{
    /// <returns>Null when the account no longer exists.</returns>
    Task<ApplicantContact?> FindAsync(Guid userId, CancellationToken ct);
}

/// <summary>
/// An applicant's contact details for messages. <see cref="Email"/> is null when the account has
/// no confirmed address (mail goes only to an address its owner proved). <see cref="Language"/>
/// is "id" or "en".
/// </summary>
public sealed record ApplicantContact(Guid UserId, string FullName, string? Email, string Language);

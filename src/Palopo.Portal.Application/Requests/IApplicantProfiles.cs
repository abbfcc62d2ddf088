namespace Palopo.Portal.Application.Requests;

/// <summary>The signed-in applicant's own details, for prefilling forms and checking eligibility.</summary>
public interface IApplicantProfiles
{
    Task<ApplicantProfile?> FindAsync(Guid userId, CancellationToken ct);
}

/// <summary>An applicant's details. <see cref="Nik"/> is decrypted: keep it in memory only.</summary>
public sealed record ApplicantProfile(Guid UserId, string FullName, string? Nik, string? PhoneNumber, string? KelurahanCode);

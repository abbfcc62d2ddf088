using Microsoft.AspNetCore.Identity;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>
/// An account: a citizen (warga) who registered, or a staff member invited by an admin.
/// The NIK is never stored in clear: <see cref="NikCipher"/> holds it encrypted and
/// <see cref="NikHash"/> is a keyed hash (blind index) that the database keeps unique.
/// </summary>
public sealed class PortalUser : IdentityUser<Guid>
{
    [PersonalData]
    public string FullName { get; set; } = "";

    /// <summary>Keyed HMAC of the NIK; unique in the database; null for staff without a NIK.</summary>
    public string? NikHash { get; set; }

    /// <summary>The NIK encrypted with Data Protection.</summary>
    public string? NikCipher { get; set; }

    /// <summary>Kemendagri code of the kelurahan of residence (citizens).</summary>
    [PersonalData]
    public string? KelurahanCode { get; set; }

    /// <summary>The agency a staff member belongs to; null for citizens and city-wide admins.</summary>
    public Guid? AgencyId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Version of the privacy notice the person accepted at registration (UU PDP consent).</summary>
    public string? PrivacyNoticeVersion { get; set; }

    public DateTime? PrivacyNoticeAcceptedAtUtc { get; set; }

    /// <summary>Preferred interface language: "id" or "en".</summary>
    public string PreferredLanguage { get; set; } = "id";
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Palopo.Portal.Infrastructure.Identity;

namespace Palopo.Portal.Infrastructure.Admin;

/// <summary>
/// Tokens for staff invitation links. They live longer than reset links (72 hours rather than one:
/// an invitee may be away a weekend), are bound to the account's security stamp, so setting the
/// password (or a deactivation) voids them, and use their own protector purpose.
/// </summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<PortalUser>> logger)
    : DataProtectorTokenProvider<PortalUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "StaffInvitation";
    public const string Purpose = "SetInitialPassword";
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    public InvitationTokenProviderOptions()
    {
        Name = "StaffInvitationProtector";
        TokenLifespan = Lifetime;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Identity;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// Staff must sign in with two factors (DESIGN.md; ADR 0007). A staff account that has no
/// authenticator yet is signed in with a restricted principal carrying
/// <see cref="EnrolmentRequiredClaim"/>; <see cref="StaffTwoFactorGate"/> then lets it reach only
/// the enrolment pages and sign-out.
/// </summary>
public static class StaffTwoFactorEnrolment
{
    public const string EnrolmentRequiredClaim = "palopo:mfa_enrolment_required";

    public const string EnrolmentPath = "/akun/2fa/aktifkan";

    /// <summary>Pages a restricted principal may still open: enrolment (GET and POST), the recovery codes shown after it, sign-out, error pages.</summary>
    private static readonly string[] AllowedPaths = [EnrolmentPath, "/akun/2fa/kode-pemulihan", "/akun/keluar"];

    private static readonly string[] AllowedPrefixes = ["/galat/", "/health/"];

    public static bool MustEnrol(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == EnrolmentRequiredClaim);

    public static bool MustEnrol(PortalUser user, IEnumerable<string> roles) => !user.TwoFactorEnabled && roles.Any(Roles.IsStaff);

    internal static bool IsAllowed(PathString path)
    {
        var value = (path.Value ?? "").TrimEnd('/');
        return AllowedPaths.Any(p => string.Equals(value, p, StringComparison.OrdinalIgnoreCase))
            || AllowedPrefixes.Any(p => path.StartsWithSegments(p.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// Builds every sign-in principal (password sign-in, refresh, the periodic security-stamp check)
/// and marks staff without two-factor. Derived from the account's state each time, so the mark
/// cannot be lost on a cookie refresh, and disappears as soon as the authenticator is enrolled.
/// </summary>
internal sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager, RoleManager<PortalRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, PortalRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var roles = identity.FindAll(Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value);
        if (StaffTwoFactorEnrolment.MustEnrol(user, roles))
            identity.AddClaim(new Claim(StaffTwoFactorEnrolment.EnrolmentRequiredClaim, "true"));
        return identity;
    }
}

/// <summary>
/// Sends a staff member who still has to enrol an authenticator to the enrolment page, whatever
/// they ask for (GET or POST): nothing else of the portal opens until they have two-factor sign-in.
/// </summary>
internal sealed class StaffTwoFactorGate(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && StaffTwoFactorEnrolment.MustEnrol(context.User)
            && !StaffTwoFactorEnrolment.IsAllowed(context.Request.Path))
        {
            context.Response.Redirect(StaffTwoFactorEnrolment.EnrolmentPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}

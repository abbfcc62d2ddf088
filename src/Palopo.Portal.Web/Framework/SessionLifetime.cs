using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// A sign-in lasts 30 minutes of inactivity (sliding) and never longer than 8 hours in all (ASVS 7.3).
/// The absolute limit is stamped into the ticket at sign-in; sliding renewals keep it.
/// </summary>
internal static class SessionLifetime
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(8);
    private const string AbsoluteExpiryKey = "palopo.absexp";

    public static Task StampAbsoluteExpiry(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(AbsoluteExpiryKey))
        {
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            context.Properties.Items[AbsoluteExpiryKey] = clock.GetUtcNow().Add(AbsoluteTimeout).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (context.Properties.Items.TryGetValue(AbsoluteExpiryKey, out var value)
            && long.TryParse(value, out var expiry)
            && clock.GetUtcNow().ToUnixTimeSeconds() > expiry)
        {
            context.RejectPrincipal();
            await context.HttpContext.RequestServices.GetRequiredService<SignInManager<Infrastructure.Identity.PortalUser>>().SignOutAsync();
            return;
        }

        // Identity's own check: a changed security stamp (password change, sign-out everywhere) ends the
        // session. It builds SignInManager and UserManager (a dozen services) on every request only to
        // find its interval has not passed, so the interval is looked at here first, the same way.
        var interval = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;
        if (context.Properties.IssuedUtc is { } issued && clock.GetUtcNow() - issued <= interval)
            return;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}

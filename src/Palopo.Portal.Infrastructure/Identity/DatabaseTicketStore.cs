using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>
/// Server-side sessions for the sign-in cookie (ASVS 7.2, 7.4): the cookie holds a random key, the
/// ticket is a row in <c>UserSessions</c>. Sign-out, password change and deactivation revoke rows,
/// so a copy of an old cookie is refused at its next request. A node keeps the sessions it checked in
/// memory (<see cref="SessionTicketCache"/>): revocations reach that cache at once on the node that
/// made them and within a signal poll (a second by default) on the others (ADR 0015, which amends ADR 0010).
/// </summary>
public sealed class DatabaseTicketStore(
    IServiceScopeFactory scopes, IDataProtectionProvider protection, SessionTicketCache cache, ICacheSignals signals, TimeProvider clock) : ITicketStore
{
    /// <summary>The claim carrying the session key, so the app can say "every session but this one".</summary>
    public const string SessionIdClaim = "palopo.sid";

    /// <summary>
    /// The session key of the current request. Read from HttpContext.Items (set when the ticket is
    /// retrieved or stored), because the security-stamp validator may replace the principal and its claims.
    /// </summary>
    public static string? CurrentSessionKey(HttpContext context) =>
        context.Items[SessionIdClaim] as string ?? context.User.FindFirst(SessionIdClaim)?.Value;

    private readonly IDataProtector _protector = protection.CreateProtector("Palopo.Portal.UserSession.v1");

    /// <summary>
    /// The protected ticket of a live session: not revoked, not expired, and its account still
    /// active (a deactivated account's sessions end even if nobody revoked them). Runs on every
    /// signed-in request, hence compiled.
    /// </summary>
    private static readonly PerModelQuery<Func<PortalDbContext, string, DateTime, CancellationToken, Task<byte[]?>>> UsableTicket = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, string key, DateTime now, CancellationToken ct) =>
            db.Set<UserSession>().AsNoTracking()
                .Where(s => s.Key == key && s.RevokedUtc == null && s.ExpiresUtc > now)
                .Where(s => db.Users.Any(u => u.Id == s.UserId && u.IsActive))
                .Select(s => s.ProtectedTicket)
                .FirstOrDefault()));

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var userId = UserIdOf(ticket) ?? throw new InvalidOperationException("A session needs a signed-in user with an id.");
        var now = Now();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Set<UserSession>().Add(new UserSession(key, userId, Protect(ticket, key), now, ExpiryOf(ticket, now)));
        await db.SaveChangesAsync(cancellationToken);

        // Housekeeping while we are here: this person's long-dead rows (expired a day ago or more).
        var dead = now.AddDays(-1);
        await db.Set<UserSession>().Where(s => s.UserId == userId && s.ExpiresUtc < dead).ExecuteDeleteAsync(cancellationToken);
        if (httpContext is not null)
            httpContext.Items[SessionIdClaim] = key;
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        RenewAsync(key, ticket, null!, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var session = await db.Set<UserSession>().FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        // A revoked or vanished session is never brought back by a renewal racing the revocation.
        if (session is null || !session.IsUsableAt(now) || session.UserId != UserIdOf(ticket))
            return;
        session.Renew(Protect(ticket, key), now, ExpiryOf(ticket, now));
        await db.SaveChangesAsync(cancellationToken);
        // This node drops its copy, so the next request reads the renewed row through the full check
        // (revoked? expired? account still active?). Other nodes may keep the older copy: the same
        // session with an earlier expiry, which their cache honours, so a renewal sends no signal.
        cache.Entries.Remove(key);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 64)
            return null;
        var now = Now();
        if (cache.Entries.TryGet(key, now, out var cached))
        {
            if (httpContext is not null)
                httpContext.Items[SessionIdClaim] = key;
            return cached.Copy();
        }

        var generation = cache.Entries.Generation;
        // A read without tracking: the request's own context serves (one context per request, not
        // two); only a call from outside a request gets a scope of its own.
        await using var scope = httpContext is null ? scopes.CreateAsyncScope() : (AsyncServiceScope?)null;
        var db = (scope?.ServiceProvider ?? httpContext!.RequestServices).GetRequiredService<PortalDbContext>();
        var ticket = await UsableTicket.ForContext(db)(db, key, now, cancellationToken);
        if (ticket is null)
            return null;
        AuthenticationTicket? result;
        try
        {
            result = TicketSerializer.Default.Deserialize(_protector.Unprotect(ticket));
        }
        catch (CryptographicException)
        {
            return null; // keys rotated away: the person signs in again
        }

        if (result is null || UserIdOf(result) is not { } userId)
            return null;
        if (httpContext is not null)
            httpContext.Items[SessionIdClaim] = key;
        var session = new SessionTicketCache.CachedSession(result, userId);
        var until = now + SessionTicketCache.Lifetime;
        if (result.Properties.ExpiresUtc?.UtcDateTime is { } expires && expires < until)
            until = expires;
        cache.Entries.Set(key, session, until, generation);
        return session.Copy();
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    /// <summary>Sign-out: the row is kept, revoked (when and how long sessions lasted stays visible), and its ticket wiped.</summary>
    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Set<UserSession>().Where(s => s.Key == key && s.RevokedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedUtc, now).SetProperty(s => s.ProtectedTicket, Array.Empty<byte>()), cancellationToken);
        await signals.PublishAsync(CacheTopics.Session, key, CancellationToken.None);
    }

    private byte[] Protect(AuthenticationTicket ticket, string key)
    {
        // Stamp the session key into the principal, so the app can keep this session when ending the others.
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(SessionIdClaim).ToList())
                identity.RemoveClaim(old);
            identity.AddClaim(new Claim(SessionIdClaim, key));
        }

        return _protector.Protect(TicketSerializer.Default.Serialize(ticket));
    }

    private static Guid? UserIdOf(AuthenticationTicket ticket) =>
        Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    private static DateTime ExpiryOf(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now.AddHours(8);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>
/// One sign-in, kept on the server: the browser's cookie carries only <see cref="Key"/>, the
/// authentication ticket lives here (protected), so ending a session is a row update that every
/// web node sees at the next request.
/// </summary>
public sealed class UserSession
{
    private UserSession()
    {
        Key = "";
        ProtectedTicket = [];
    }

    public UserSession(string key, Guid userId, byte[] protectedTicket, DateTime createdUtc, DateTime expiresUtc)
    {
        Key = key;
        UserId = userId;
        ProtectedTicket = protectedTicket;
        CreatedUtc = createdUtc;
        LastSeenUtc = createdUtc;
        ExpiresUtc = expiresUtc;
    }

    /// <summary>Random, URL-safe, 256 bits: the only thing the cookie holds (under data protection).</summary>
    public string Key { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The serialized ticket, protected with the portal's data-protection keys.</summary>
    public byte[] ProtectedTicket { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    /// <summary>Updated when the sliding cookie is renewed, not on every request (no write per page view).</summary>
    public DateTime LastSeenUtc { get; private set; }

    public DateTime ExpiresUtc { get; private set; }

    public DateTime? RevokedUtc { get; private set; }

    public bool IsUsableAt(DateTime nowUtc) => RevokedUtc is null && ExpiresUtc > nowUtc;

    public void Renew(byte[] protectedTicket, DateTime nowUtc, DateTime expiresUtc)
    {
        ProtectedTicket = protectedTicket;
        LastSeenUtc = nowUtc;
        ExpiresUtc = expiresUtc;
    }

    public void Revoke(DateTime nowUtc) => RevokedUtc ??= nowUtc;
}

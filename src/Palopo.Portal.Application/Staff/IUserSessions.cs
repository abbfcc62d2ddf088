namespace Palopo.Portal.Application.Staff;

/// <summary>
/// Ends a person's sign-in sessions on the server, so a cookie kept from before is refused:
/// on deactivation, password change or a security incident.
/// </summary>
public interface IUserSessions
{
    Task EndAllAsync(Guid userId, CancellationToken ct);

    /// <summary>Every session but <paramref name="currentSessionId"/> (the one changing the password keeps going).</summary>
    Task EndOthersAsync(Guid userId, string? currentSessionId, CancellationToken ct);
}

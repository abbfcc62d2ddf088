using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>
/// Ends sessions by revoking their <see cref="UserSession"/> rows: the next request with such a
/// cookie, on any node, finds no usable session and is treated as signed out (cached copies are
/// dropped through a <see cref="CacheTopics.UserSessions"/> signal, ADR 0015).
/// </summary>
internal sealed class ServerSideSessions(PortalDbContext db, ICacheSignals signals, TimeProvider clock) : IUserSessions
{
    public Task EndAllAsync(Guid userId, CancellationToken ct) => RevokeAsync(userId, keep: null, ct);

    public Task EndOthersAsync(Guid userId, string? currentSessionId, CancellationToken ct) => RevokeAsync(userId, currentSessionId, ct);

    private async Task RevokeAsync(Guid userId, string? keep, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<UserSession>()
            .Where(s => s.UserId == userId && s.RevokedUtc == null && (keep == null || s.Key != keep))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedUtc, now).SetProperty(s => s.ProtectedTicket, Array.Empty<byte>()), ct);
        // Every node drops this person's cached sessions (the kept one is simply read again).
        await signals.PublishAsync(CacheTopics.UserSessions, userId.ToString("D"), CancellationToken.None);
    }
}

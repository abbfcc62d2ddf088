using Microsoft.AspNetCore.Authentication;
using Palopo.Portal.Application.Caching;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>
/// Live sessions this node has checked, so a signed-in request needs neither the session row nor
/// its decryption (ADR 0015). A renewal on this node drops the entry; an entry goes when its
/// session is signed out (<see cref="CacheTopics.Session"/>) or its person's sessions are ended
/// (<see cref="CacheTopics.UserSessions"/>) on any node, and after <see cref="Lifetime"/> at most.
/// </summary>
public sealed class SessionTicketCache
{
    /// <summary>A safety net only: revocations reach every node through signals within a poll interval.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public SessionTicketCache(CacheSignalBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        // A ticket with its claims is a few kilobytes: 10,000 live sessions on one node stay within
        // about 30 MB. More than that in five minutes clears the cache and reads the rows again.
        Entries = new(bus, capacity: 10_000);
        bus.Subscribe(CacheTopics.Session, key => Entries.Remove(key));
        bus.Subscribe(CacheTopics.UserSessions, key =>
        {
            if (Guid.TryParse(key, out var userId))
                Entries.RemoveWhere(s => s.UserId == userId);
            else
                Entries.Clear();
        });
    }

    internal SignalledCache<string, CachedSession> Entries { get; }

    /// <summary>
    /// The ticket as the database had it. Never handed out itself: the cookie handler and
    /// <see cref="DatabaseTicketStore"/> change a ticket's properties and claims, so each request gets a copy.
    /// </summary>
    internal sealed record CachedSession(AuthenticationTicket Ticket, Guid UserId)
    {
        public AuthenticationTicket Copy() =>
            new(Ticket.Principal.Clone(), Ticket.Properties.Clone(), Ticket.AuthenticationScheme);
    }
}

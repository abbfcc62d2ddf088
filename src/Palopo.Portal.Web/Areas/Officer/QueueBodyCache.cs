using System.Globalization;
using System.Text.Encodings.Web;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Areas.Officer;

/// <summary>
/// The rendered queue of an agency as its officers open it (/petugas/antrian: no filter, first
/// page), per language and day (ADR 0018). Every officer of the agency sees the same rows, and they
/// open it all day long, while its requests change a few hundred times a day: the body is rendered
/// once per change instead of once per view. It is dropped when a request of the agency changes or
/// a name it shows changes (<see cref="CacheTopics.Queue"/>, sent by every save), and on catalogue
/// or calendar changes; other nodes hear of it within a signal poll.
/// </summary>
public sealed class QueueBodyCache : RenderedBodyCache
{
    /// <summary>A safety net only: a change reaches every node through its signal.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public QueueBodyCache(CacheSignalBus bus, TimeProvider clock, HtmlEncoder encoder)
        : base(bus, clock, encoder, capacity: 512, Lifetime,
            ownerTopic: CacheTopics.Queue,                         // the agency's requests, or a name they show
            CacheTopics.Catalogue, CacheTopics.Calendar)            // service, step and agency names; working days left
    {
    }

    /// <summary>Where this agency's default queue is kept today.</summary>
    public BodySlot SlotFor(Guid agencyId) =>
        Slot(agencyId, PalopoTime.Today(Clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
}

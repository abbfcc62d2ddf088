using System.Globalization;
using System.Text.Encodings.Web;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// A citizen's request page (/permohonan/{ref}) as rendered for that citizen, per language and day
/// (ADR 0018). It is kept under the citizen's id and the reference, and only after the full read
/// found the request to be theirs, so another person's key never reaches it. It is dropped when the
/// request changes (<see cref="CacheTopics.Request"/>, sent by every save of it, heard by other nodes
/// within a poll) and on catalogue and calendar changes. It holds personal data, so it is kept
/// briefly: two minutes, a few hundred pages, this node's memory only.
/// </summary>
public sealed class RequestBodyCache : RenderedBodyCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public RequestBodyCache(CacheSignalBus bus, TimeProvider clock, HtmlEncoder encoder)
        : base(bus, clock, encoder, capacity: 256, Lifetime,
            ownerTopic: CacheTopics.Request,                       // the request itself
            CacheTopics.Catalogue, CacheTopics.Calendar)            // service and agency names; working days used
    {
    }

    /// <summary>
    /// Where <paramref name="applicantUserId"/>'s page of <paramref name="referenceNumber"/> is kept today.
    /// Its owner (the request) is only known after the read: keep with <c>slot with { Owner = id }</c>.
    /// </summary>
    public BodySlot SlotFor(Guid applicantUserId, string referenceNumber) =>
        Slot(applicantUserId, string.Create(CultureInfo.InvariantCulture, $"{ReferenceNumber.Normalize(referenceNumber)}|{PalopoTime.Today(Clock):yyyyMMdd}"));
}

using System.Globalization;
using System.Text.Encodings.Web;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Requests;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// A citizen's request page (/permohonan/{ref}) as rendered from one version of the request, per
/// language and day (ADR 0018). The page first reads who owns the reference and its version (one
/// small statement, which is also the ownership check); every change to a request moves its
/// version, so a kept body is never stale and no signal is needed for requests. It is dropped on
/// catalogue changes (service and agency names) and calendar changes (working days). It holds
/// personal data, so it is kept briefly: two minutes, a few hundred pages, this node's memory only.
/// </summary>
public sealed class RequestBodyCache : RenderedBodyCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public RequestBodyCache(CacheSignalBus bus, TimeProvider clock, HtmlEncoder encoder)
        : base(bus, clock, encoder, capacity: 256, Lifetime)
    {
        ClearOn(CacheTopics.Catalogue);
        ClearOn(CacheTopics.Calendar);
    }

    /// <summary>Where the page of this version of the request is kept today.</summary>
    public BodySlot SlotFor(RequestVersion request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Slot(request.Id, string.Create(CultureInfo.InvariantCulture, $"{request.Version}|{PalopoTime.Today(Clock):yyyyMMdd}"));
    }
}

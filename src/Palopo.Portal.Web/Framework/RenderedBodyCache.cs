using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Palopo.Portal.Application.Caching;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// Rendered page bodies (never the layout, which is the reader's own) kept on this node (ADR 0018).
/// Each body has an owner (an agency, a request) so a signal can drop all of that owner's bodies.
/// Built on <see cref="SignalledCache{TKey, TValue}"/>: nothing is served while the node is deaf to
/// the others, and a body read before a change was signalled is not kept.
/// </summary>
public abstract class RenderedBodyCache
{
    private readonly SignalledCache<string, Body> _bodies;
    private readonly TimeProvider _clock;
    private readonly HtmlEncoder _encoder;
    private readonly TimeSpan _lifetime;

    /// <summary>
    /// <paramref name="ownerTopic"/>'s signals name an owner (a Guid) whose bodies are dropped, or
    /// anything else for all; <paramref name="clearTopics"/> drop every body.
    /// </summary>
    protected RenderedBodyCache(
        CacheSignalBus bus, TimeProvider clock, HtmlEncoder encoder, int capacity, TimeSpan lifetime, string ownerTopic, params string[] clearTopics)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(clearTopics);
        _bodies = new(bus, capacity);
        _clock = clock;
        _encoder = encoder;
        _lifetime = lifetime;
        bus.Subscribe(ownerTopic, key =>
        {
            if (Guid.TryParse(key, out var owner))
                _bodies.RemoveWhere(b => b.Owner == owner);
            else
                _bodies.Clear();
        });
        foreach (var topic in clearTopics)
            _bodies.ClearOn(topic);
    }

    protected TimeProvider Clock => _clock;

    public bool TryGet(BodySlot slot, out HtmlString body)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (_bodies.TryGet(slot.Key, _clock.GetUtcNow().UtcDateTime, out var kept))
        {
            body = kept.Html;
            return true;
        }

        body = HtmlString.Empty;
        return false;
    }

    /// <summary>Keeps <paramref name="rendered"/> in <paramref name="slot"/> (unless a change came meanwhile) and returns it to be written.</summary>
    public HtmlString Keep(BodySlot slot, IHtmlContent rendered)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(rendered);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        rendered.WriteTo(writer, _encoder);
        var html = new HtmlString(writer.ToString());
        _bodies.Set(slot.Key, new Body(slot.Owner, html), _clock.GetUtcNow().UtcDateTime + _lifetime, slot.Generation);
        return html;
    }

    /// <summary>
    /// A slot for a body of <paramref name="owner"/>; <paramref name="parts"/> name what else it
    /// depends on. The language and culture are always part of the key. Take the slot before reading
    /// the database: a change signalled while the page is read then keeps the stale body out.
    /// </summary>
    protected BodySlot Slot(Guid owner, string parts) =>
        new(owner, string.Create(CultureInfo.InvariantCulture, $"{owner:N}|{parts}|{CultureInfo.CurrentCulture.Name}|{CultureInfo.CurrentUICulture.Name}"), _bodies.Generation);

    private sealed record Body(Guid Owner, HtmlString Html);
}

/// <summary>A kept body's key and owner, and the cache's generation when the page started reading.</summary>
public sealed record BodySlot(Guid Owner, string Key, long Generation);

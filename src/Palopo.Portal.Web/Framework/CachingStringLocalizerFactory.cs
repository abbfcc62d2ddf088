using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// Remembers every interface string once looked up. <see cref="System.Resources.ResourceManager"/>
/// takes a process-wide lock on each lookup, and a page looks up dozens of strings, so under load
/// requests queued on that lock (ADR 0014). The strings are compiled into the assembly and never
/// change while the portal runs, so a (culture, name) pair always gives the same text.
/// </summary>
public sealed class CachingStringLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggers) : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory _inner = new(options, loggers);
    private readonly ConcurrentDictionary<(Type, string?, string?), CachingStringLocalizer> _byResource = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _byResource.GetOrAdd((resourceSource, null, null), key => new CachingStringLocalizer(_inner.Create(key.Item1)));

    public IStringLocalizer Create(string baseName, string location) =>
        _byResource.GetOrAdd((typeof(object), baseName, location), key => new CachingStringLocalizer(_inner.Create(key.Item2!, key.Item3!)));
}

/// <summary>A localizer that asks the resource manager once per culture and name.</summary>
public sealed class CachingStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    /// <summary>Names come from the code, not from visitors; the bound only guards against a mistake that would make them unbounded.</summary>
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _strings = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_strings.TryGetValue(key, out var cached))
                return cached;
            var found = inner[name];
            if (_strings.Count < MaxEntries)
                _strings.TryAdd(key, found);
            return found;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}

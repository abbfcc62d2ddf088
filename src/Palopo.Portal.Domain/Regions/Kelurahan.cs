namespace Palopo.Portal.Domain.Regions;

/// <summary>A ward (kelurahan) of Kota Palopo, keyed by its Kemendagri code, e.g. "73.73.01.1001".</summary>
public sealed class Kelurahan
{
    private Kelurahan() { }

    public Kelurahan(string code, string name, string kecamatanCode, IEnumerable<string>? aliases = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!code.StartsWith(kecamatanCode + ".", StringComparison.Ordinal))
            throw new ArgumentException($"Kelurahan {code} is not inside kecamatan {kecamatanCode}.", nameof(code));
        Code = code;
        Name = name;
        KecamatanCode = kecamatanCode;
        Aliases = string.Join('|', aliases ?? []);
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string KecamatanCode { get; private set; } = "";

    public Kecamatan? Kecamatan { get; private set; }

    /// <summary>Older spellings of the name, separated by '|', kept so searches and imports still match.</summary>
    public string Aliases { get; private set; } = "";

    public IEnumerable<string> AliasList => Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public void Update(string name, IEnumerable<string> aliases)
    {
        Name = name;
        Aliases = string.Join('|', aliases);
    }

    public bool Matches(string text) =>
        string.Equals(Name, text.Trim(), StringComparison.OrdinalIgnoreCase)
        || AliasList.Any(a => string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase));
}

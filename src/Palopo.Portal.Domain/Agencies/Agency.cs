namespace Palopo.Portal.Domain.Agencies;

/// <summary>A city agency (OPD, organisasi perangkat daerah) that owns services and employs staff.</summary>
public sealed class Agency
{
    private Agency() { }

    public Agency(string code, string name, string nameEn, string shortName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = Guid.NewGuid();
        Code = code;
        Name = name;
        NameEn = nameEn;
        ShortName = shortName;
    }

    public Guid Id { get; private set; }

    /// <summary>Stable short code used in URLs and seed data, e.g. "disdukcapil".</summary>
    public string Code { get; private set; } = "";

    /// <summary>Official name in Bahasa Indonesia.</summary>
    public string Name { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    /// <summary>The name people use, e.g. "Disdukcapil".</summary>
    public string ShortName { get; private set; } = "";

    public bool IsActive { get; private set; } = true;

    public string DisplayName(string language) => language == "en" && NameEn.Length > 0 ? NameEn : Name;

    public void Rename(string name, string nameEn, string shortName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        NameEn = nameEn;
        ShortName = shortName;
    }
}

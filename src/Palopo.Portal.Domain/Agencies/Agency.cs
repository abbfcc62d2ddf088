using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Domain.Agencies;

/// <summary>A city agency (OPD, organisasi perangkat daerah) that owns services and employs staff.</summary>
public sealed class Agency
{
    private Agency() { }

    public Agency(string code, string name, string nameEn, string shortName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = Guid.NewGuid();
        Code = ValidCode(code);
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
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainRuleException("An agency needs a name.");
        Name = name;
        NameEn = nameEn;
        ShortName = shortName;
    }

    /// <summary>An inactive agency keeps its services and staff but is shown as closed to admins.</summary>
    public void SetActive(bool isActive) => IsActive = isActive;

    /// <summary>The code is part of URLs and seed data, so it is a lower-case slug and never changes.</summary>
    public static string ValidCode(string code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 40
            || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || code.StartsWith('-') || code.EndsWith('-'))
            throw new DomainRuleException("An agency code is 1–40 lower-case letters, digits and hyphens.");
        return code;
    }
}

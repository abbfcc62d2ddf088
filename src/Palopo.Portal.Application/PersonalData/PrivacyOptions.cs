namespace Palopo.Portal.Application.PersonalData;

/// <summary>Settings under "Privacy": the notice citizens accept and how long records are kept.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>The privacy notice in force. A citizen who accepted an older one is asked again before applying.</summary>
    public string NoticeVersion { get; set; } = "2026-11";

    /// <summary>
    /// How long decided requests stay in the archive after the decision (UU 43/2009 on archives and
    /// the city's retention schedule): erasure keeps them, with the reason recorded, until then.
    /// </summary>
    public int DecidedRequestRetentionYears { get; set; } = 10;
}

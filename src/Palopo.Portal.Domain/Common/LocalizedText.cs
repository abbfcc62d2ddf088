namespace Palopo.Portal.Domain.Common;

/// <summary>A text kept in Bahasa Indonesia (primary) and English.</summary>
public sealed record LocalizedText(string Id, string En)
{
    /// <summary>The English text when the UI language is English and one exists; Indonesian otherwise.</summary>
    public string For(string twoLetterLanguage) =>
        twoLetterLanguage == "en" && !string.IsNullOrWhiteSpace(En) ? En : Id;
}

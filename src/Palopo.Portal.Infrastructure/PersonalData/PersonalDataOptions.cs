using System.ComponentModel.DataAnnotations;

namespace Palopo.Portal.Infrastructure.PersonalData;

/// <summary>Settings under "PersonalData". The blind-index key is a secret: set it from the environment in production.</summary>
public sealed class PersonalDataOptions
{
    public const string SectionName = "PersonalData";

    /// <summary>Base64 key (at least 32 bytes) for the keyed hash of identity numbers.</summary>
    [Required]
    [MinLength(44)]
    public string BlindIndexKey { get; set; } = "";
}

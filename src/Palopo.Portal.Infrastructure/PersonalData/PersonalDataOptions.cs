using System.ComponentModel.DataAnnotations;

namespace Palopo.Portal.Infrastructure.PersonalData;

/// <summary>Settings under "PersonalData". The blind-index key is a secret: set it from the environment in production.</summary>
public sealed class PersonalDataOptions
{
    public const string SectionName = "PersonalData";

    /// <summary>Base64 key (at least 32 bytes) for the keyed hash of identity numbers.</summary>
    [Required]
    public string BlindIndexKey { get; set; } = "";

    /// <summary>True when the key is valid base64 of at least 32 bytes.</summary>
    public bool HasUsableKey()
    {
        Span<byte> buffer = stackalloc byte[512];
        return Convert.TryFromBase64String(BlindIndexKey ?? "", buffer, out var length) && length >= 32;
    }
}

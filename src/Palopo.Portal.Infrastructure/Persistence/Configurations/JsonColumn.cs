using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Palopo.Portal.Infrastructure.Persistence.Configurations;

/// <summary>
/// Stores a value as a JSON text column: provider-neutral (TEXT / text / nvarchar(max)) and
/// readable. Used for structures read whole, never queried inside (form definitions, answers).
/// </summary>
internal static class JsonColumn
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ValueConverter<T, string> Converter<T>() =>
        new(v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<T>(s, Options)!);

    /// <summary>JSON, then encrypted: for columns that may hold personal identity numbers.</summary>
    public static ValueConverter<T, string> EncryptedConverter<T>(PersonalData.PersonalDataCipher cipher) =>
        new(v => cipher.Protect(JsonSerializer.Serialize(v, Options)), s => JsonSerializer.Deserialize<T>(cipher.Unprotect(s), Options)!);

    /// <summary>EF never passes null to a converter (nulls stay NULL), hence the null-forgiving operators.</summary>
    public static ValueConverter<string?, string?> EncryptedText(PersonalData.PersonalDataCipher cipher) =>
        new(v => cipher.Protect(v!), s => cipher.Unprotect(s!));

    public static ValueComparer<T> Comparer<T>() =>
        new(
            (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!);
}

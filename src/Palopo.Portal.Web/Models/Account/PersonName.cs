using System.Globalization;

namespace Palopo.Portal.Web.Models.Account;

/// <summary>Names as written on Indonesian documents: letters of any script, spaces, and . , ' - (e.g. "Muh. Ilham", "A. Baso").</summary>
public static class PersonName
{
    public static bool IsPlausible(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.Any(char.IsLetter)
        && name.All(c => char.IsLetter(c) || c is ' ' or '.' or ',' or '\'' or '-' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
}

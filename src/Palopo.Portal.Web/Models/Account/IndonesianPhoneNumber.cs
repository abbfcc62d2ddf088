namespace Palopo.Portal.Web.Models.Account;

/// <summary>Indonesian mobile numbers: 08…, 628… or +628…, 10–15 digits; spaces and dashes allowed.</summary>
public static class IndonesianPhoneNumber
{
    public static bool IsValid(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return false;
        var compact = input.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (compact.StartsWith('+'))
            compact = compact[1..];
        if (!compact.All(char.IsAsciiDigit))
            return false;
        var national = compact.StartsWith("62", StringComparison.Ordinal) ? "0" + compact[2..] : compact;
        return national.StartsWith("08", StringComparison.Ordinal) && national.Length is >= 10 and <= 14;
    }
}

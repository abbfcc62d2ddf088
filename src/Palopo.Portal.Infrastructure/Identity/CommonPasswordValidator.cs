using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Palopo.Portal.Infrastructure.Identity;

/// <summary>
/// NIST SP 800-63B §3.1.1.2: refuse passwords that are commonly used, expected or compromised,
/// and ones built from the account's own e-mail. No composition rules (no "one digit, one symbol").
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    public const string ErrorCode = "PasswordCommon";
    public const string TooLongErrorCode = "PasswordTooLong";
    public const int MaximumLength = 256;

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadList);

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return Task.FromResult(IdentityResult.Success); // the length rule reports empty passwords

        if (password.Length > MaximumLength)
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = TooLongErrorCode, Description = TooLongErrorCode }));

        return Task.FromResult(IsCommon(password, user.Email)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = ErrorCode })
            : IdentityResult.Success);
    }

    public static bool IsCommon(string password, string? email = null)
    {
        var normalized = password.Trim().ToLowerInvariant();
        if (CommonPasswords.Value.Contains(normalized))
            return true;
        if (normalized.Distinct().Count() <= 2)
            return true; // "aaaaaaaaaaaaaaa", "abababababababab"
        if (IsSequence(normalized))
            return true;
        var local = email?.Split('@')[0].ToLowerInvariant();
        return local is { Length: >= 4 } && normalized.Contains(local, StringComparison.Ordinal)
            && normalized.Length - local.Length < 6;
    }

    private static bool IsSequence(string s)
    {
        var up = true;
        var down = true;
        for (var i = 1; i < s.Length; i++)
        {
            up &= s[i] == s[i - 1] + 1 || (s[i] == '0' && s[i - 1] == '9');
            down &= s[i] == s[i - 1] - 1;
        }

        return up || down;
    }

    private static FrozenSet<string> LoadList()
    {
        var assembly = typeof(CommonPasswordValidator).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("common-passwords.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
                set.Add(line.ToLowerInvariant());
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}

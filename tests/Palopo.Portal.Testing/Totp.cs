using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Palopo.Portal.Testing;

/// <summary>
/// What an authenticator app computes (RFC 6238): HMAC-SHA1 over the 30-second step count,
/// dynamic truncation (RFC 4226). The key is base32 (RFC 4648), as the portal shows it.
/// </summary>
public static class Totp
{
    private const int StepSeconds = 30;

    /// <summary>The code for <paramref name="base32Key"/> at <paramref name="at"/> (now if null), <paramref name="stepOffset"/> steps away.</summary>
    public static string Code(string base32Key, DateTimeOffset? at = null, int stepOffset = 0, int digits = 6)
    {
        var step = ((at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / StepSeconds) + stepOffset;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1.
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff;
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(new string('0', digits), CultureInfo.InvariantCulture);
    }

    /// <summary>A six-digit code that is wrong for every step the server accepts (now ± 2 steps).</summary>
    public static string WrongCode(string base32Key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(offset => Code(base32Key, now, offset)).ToHashSet();
        var candidate = int.Parse(Code(base32Key, now), CultureInfo.InvariantCulture);
        string wrong;
        do
        {
            candidate = (candidate + 111_111) % 1_000_000;
            wrong = candidate.ToString("D6", CultureInfo.InvariantCulture);
        }
        while (valid.Contains(wrong));
        return wrong;
    }

    /// <summary>Decodes base32, ignoring case, spaces, hyphens and padding ("jbsw y3dp …" as shown on the page).</summary>
    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '-' or '=')
                continue;
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
                throw new FormatException($"'{c}' is not a base32 character.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}

using System.Security.Cryptography;

namespace Palopo.Portal.Domain.Documents;

/// <summary>
/// The code printed on an issued document and inside its QR code: 16 characters of Crockford base32
/// (80 random bits, so nobody finds documents by guessing), shown in groups of four
/// (<c>ABCD-EFGH-JKMN-PQRS</c>). Typed input is forgiving: any case, with or without dashes or spaces,
/// and the letters people confuse with digits (O, I, L) read as the digits.
/// </summary>
public static class VerificationCode
{
    /// <summary>Crockford's alphabet: digits and letters without I, L, O and U.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int Length = 16;

    /// <summary>Bits of randomness in a code: 16 symbols of 5 bits.</summary>
    public const int EntropyBits = Length * 5;

    /// <summary>A new random code in canonical form (16 characters, no dashes).</summary>
    public static string New()
    {
        // 10 random bytes = 80 bits, read 5 bits at a time.
        Span<byte> bytes = stackalloc byte[EntropyBits / 8];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[Length];
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[index++] = Alphabet[(buffer >> bits) & 31];
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// The canonical form of typed or scanned input, or null when it cannot be a code. Accepts a full
    /// verification URL's last segment too, since people paste what the QR code opened.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
            return null;
        Span<char> chars = stackalloc char[Length];
        var count = 0;
        foreach (var raw in input)
        {
            if (raw is '-' or ' ' or '\t' or '.')
                continue;
            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0 || count == Length)
                return null;
            chars[count++] = c;
        }

        return count == Length ? new string(chars) : null;
    }

    /// <summary>Canonical code in groups of four, as printed: <c>ABCD-EFGH-JKMN-PQRS</c>.</summary>
    public static string Display(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length != Length ? code : string.Join('-', code[..4], code[4..8], code[8..12], code[12..]);
    }
}

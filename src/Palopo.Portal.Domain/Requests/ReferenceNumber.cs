using System.Globalization;
using System.Security.Cryptography;

namespace Palopo.Portal.Domain.Requests;

/// <summary>Human reference numbers (PLP-2026-000123) and the short tracking codes printed on receipts.</summary>
public static class ReferenceNumber
{
    // No 0/O, 1/I/L: codes are read aloud and typed from paper.
    private const string TrackingAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int TrackingCodeLength = 8;

    public static string Format(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"PLP-{year:D4}-{sequence:D6}");

    public static bool IsWellFormed(string? value) =>
        value is { Length: 15 }
        && value.StartsWith("PLP-", StringComparison.Ordinal)
        && value[8] == '-'
        && value.AsSpan(4, 4).ToString().All(char.IsAsciiDigit)
        && value.AsSpan(9).ToString().All(char.IsAsciiDigit);

    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();

    public static string NewTrackingCode()
    {
        Span<char> chars = stackalloc char[TrackingCodeLength];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = TrackingAlphabet[RandomNumberGenerator.GetInt32(TrackingAlphabet.Length)];
        return new string(chars);
    }

    public static string NormalizeTrackingCode(string? value) =>
        new((value ?? "").ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}

using System.Diagnostics.CodeAnalysis;

namespace Palopo.Portal.Domain.Population;

/// <summary>
/// Nomor Induk Kependudukan: 16 digits <c>PP KK CC DDMMYY SSSS</c> — province, regency/city,
/// district (kecamatan), birth date (day + 40 for women) and a serial that is never 0000.
/// </summary>
/// <remarks>
/// Two NIKs are equal when their 16 digits are. <see cref="ToString"/> returns the masked form so
/// that a NIK never reaches a log or a page by accident; read <see cref="Value"/> on purpose.
/// </remarks>
public sealed record Nik
{
    /// <summary>Number of digits in a NIK.</summary>
    public const int Length = 16;

    private const string PalopoRegencyCode = "7373";

    // Kemendagri province codes, including the Papua provinces created in 2022.
    private static readonly HashSet<int> ProvinceCodes =
    [
        11, 12, 13, 14, 15, 16, 17, 18, 19,
        21,
        31, 32, 33, 34, 35, 36,
        51, 52, 53,
        61, 62, 63, 64, 65,
        71, 72, 73, 74, 75, 76,
        81, 82,
        91, 92, 93, 94, 95, 96,
    ];

    private Nik(string value, DateOnly birthDate, Sex sex)
    {
        Value = value;
        BirthDate = birthDate;
        Sex = sex;
    }

    /// <summary>The 16 digits, without separators.</summary>
    public string Value { get; }

    /// <summary>Province code, e.g. <c>73</c> (Sulawesi Selatan).</summary>
    public string ProvinceCode => Value[..2];

    /// <summary>Province and regency/city code, e.g. <c>7373</c> (Kota Palopo).</summary>
    public string RegencyCode => Value[..4];

    /// <summary>Province, regency/city and district code, e.g. <c>737301</c>.</summary>
    public string DistrictCode => Value[..6];

    /// <summary>Date of birth, with the century chosen so that it is not in the future.</summary>
    public DateOnly BirthDate { get; }

    public Sex Sex { get; }

    /// <summary>Registered in Kota Palopo: regency 7373 and one of its districts 01–09.</summary>
    public bool IsPalopo => RegencyCode == PalopoRegencyCode && Value[4] == '0' && Value[5] is >= '1' and <= '9';

    /// <summary>First four and last four digits, the rest hidden: <c>7373********0001</c>.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 4), new string('*', Length - 8), Value.AsSpan(Length - 4));

    /// <summary>Parses a NIK, resolving the birth year against today's UTC date.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out Nik? nik, out NikError? error) =>
        TryParse(input, DateOnly.FromDateTime(DateTime.UtcNow), out nik, out error);

    /// <summary>
    /// Parses a NIK. Whitespace and dots are ignored as separators. The two-digit birth year is
    /// placed in <paramref name="today"/>'s century unless that would put the birth after
    /// <paramref name="today"/>, in which case it goes one century back.
    /// </summary>
    public static bool TryParse(string? input, DateOnly today, [NotNullWhen(true)] out Nik? nik, out NikError? error)
    {
        nik = null;
        error = Check(input, today, out var digits, out var birthDate, out var sex);
        if (error is not null)
        {
            return false;
        }

        nik = new Nik(digits, birthDate, sex);
        return true;
    }

    /// <summary>Parses a NIK, resolving the birth year against today's UTC date.</summary>
    /// <exception cref="FormatException">The input is not a valid NIK; the message names the <see cref="NikError"/>.</exception>
    public static Nik Parse(string input) => Parse(input, DateOnly.FromDateTime(DateTime.UtcNow));

    /// <inheritdoc cref="TryParse(string?, DateOnly, out Nik?, out NikError?)"/>
    /// <exception cref="FormatException">The input is not a valid NIK; the message names the <see cref="NikError"/>.</exception>
    public static Nik Parse(string input, DateOnly today) =>
        TryParse(input, today, out var nik, out var error)
            ? nik
            // The input itself stays out of the message: exceptions end up in logs.
            : throw new FormatException($"Not a valid NIK: {error}.");

    public bool Equals(Nik? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The masked form; never the full number.</summary>
    public override string ToString() => Masked;

    private static NikError? Check(string? input, DateOnly today, out string digits, out DateOnly birthDate, out Sex sex)
    {
        digits = string.Empty;
        birthDate = default;
        sex = default;

        if (input is null)
        {
            return NikError.Empty;
        }

        Span<char> buffer = stackalloc char[Length];
        var count = 0;
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c) || c == '.')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return NikError.NotDigits;
            }

            if (count < Length)
            {
                buffer[count] = c;
            }

            count++;
        }

        if (count == 0)
        {
            return NikError.Empty;
        }

        if (count != Length)
        {
            return NikError.WrongLength;
        }

        ReadOnlySpan<char> nik = buffer;
        if (!ProvinceCodes.Contains(TwoDigits(nik, 0)) || TwoDigits(nik, 2) == 0 || TwoDigits(nik, 4) == 0)
        {
            return NikError.InvalidRegion;
        }

        var day = TwoDigits(nik, 6);
        var month = TwoDigits(nik, 8);
        var yearOfCentury = TwoDigits(nik, 10);

        sex = day > 40 ? Sex.Female : Sex.Male;
        if (sex == Sex.Female)
        {
            day -= 40;
        }

        if (month is < 1 or > 12 || day < 1)
        {
            return NikError.InvalidDate;
        }

        var year = (today.Year / 100 * 100) + yearOfCentury;
        if (year > today.Year || (year == today.Year && (month, day).CompareTo((today.Month, today.Day)) > 0))
        {
            year -= 100;
        }

        if (year < DateOnly.MinValue.Year || day > DateTime.DaysInMonth(year, month))
        {
            return NikError.InvalidDate;
        }

        if (nik[12..].SequenceEqual("0000"))
        {
            return NikError.InvalidSerial;
        }

        digits = nik.ToString();
        birthDate = new DateOnly(year, month, day);
        return null;
    }

    private static int TwoDigits(ReadOnlySpan<char> digits, int start) =>
        ((digits[start] - '0') * 10) + (digits[start + 1] - '0');
}

using System.Globalization;
using Palopo.Portal.Domain.Population;

namespace Palopo.Portal.Domain.Tests.Population;

public class NikTests
{
    // A fixed "today" keeps century resolution deterministic.
    private static readonly DateOnly Today = new(2026, 5, 15);

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Nik Valid(string input, DateOnly? today = null)
    {
        Assert.True(Nik.TryParse(input, today ?? Today, out var nik, out var error), $"Expected valid, got {error}.");
        Assert.Null(error);
        return nik;
    }

    private static void AssertInvalid(string? input, NikError expected, DateOnly? today = null)
    {
        Assert.False(Nik.TryParse(input, today ?? Today, out var nik, out var error));
        Assert.Null(nik);
        Assert.Equal(expected, error);
    }

    // ---- sex and birth date ----

    [Theory]
    [InlineData("7373011505900001", "1990-05-15")]
    [InlineData("7373010101000001", "2000-01-01")]
    [InlineData("7373013112990001", "1999-12-31")]
    [InlineData("7373013101260001", "2026-01-31")]
    public void Man_has_plain_day_and_male_sex(string input, string birthDate)
    {
        var nik = Valid(input);

        Assert.Equal(Sex.Male, nik.Sex);
        Assert.Equal(Date(birthDate), nik.BirthDate);
    }

    [Theory]
    [InlineData("7373014505900001", "1990-05-05")]
    [InlineData("7373014101000001", "2000-01-01")]
    [InlineData("7373017112990001", "1999-12-31")]
    [InlineData("7373015506850002", "1985-06-15")]
    public void Woman_has_day_plus_40_and_female_sex(string input, string birthDate)
    {
        var nik = Valid(input);

        Assert.Equal(Sex.Female, nik.Sex);
        Assert.Equal(Date(birthDate), nik.BirthDate);
    }

    [Theory]
    [InlineData("7373012902000001", "2000-02-29")] // 2000 is divisible by 400
    [InlineData("7373012902240001", "2024-02-29")]
    [InlineData("7373012902880001", "1988-02-29")]
    [InlineData("7373016902960001", "1996-02-29")] // a woman born on a leap day
    public void Leap_day_in_a_leap_year_is_valid(string input, string birthDate)
    {
        Assert.Equal(Date(birthDate), Valid(input).BirthDate);
    }

    [Theory]
    [InlineData("7373012902230001")] // 2023
    [InlineData("7373012902250001")] // 2025
    [InlineData("7373012902990001")] // 1999
    [InlineData("7373016902230001")] // a woman, 2023
    public void Leap_day_outside_a_leap_year_is_an_invalid_date(string input)
    {
        AssertInvalid(input, NikError.InvalidDate);
    }

    [Theory]
    [InlineData("7373013201900001")] // day 32
    [InlineData("7373014001900001")] // day 40: neither a man's nor a woman's day
    [InlineData("7373010001900001")] // day 00
    [InlineData("7373017201900001")] // day 72: a woman's day 32
    [InlineData("7373019901900001")] // day 99
    [InlineData("7373011513900001")] // month 13
    [InlineData("7373011500900001")] // month 00
    [InlineData("7373013104900001")] // 31 April
    [InlineData("7373017104900001")] // 31 April, a woman
    [InlineData("7373013002900001")] // 30 February
    [InlineData("7373013106900001")] // 31 June
    public void Impossible_date_is_an_invalid_date(string input)
    {
        AssertInvalid(input, NikError.InvalidDate);
    }

    // ---- century resolution ----

    [Theory]
    [InlineData("7373011505260001", "2026-05-15", "2026-05-15")] // born today
    [InlineData("7373011505000001", "2026-05-15", "2000-05-15")]
    [InlineData("7373011505250001", "2026-05-15", "2025-05-15")]
    [InlineData("7373011505270001", "2026-05-15", "1927-05-15")] // 2027 would be in the future
    [InlineData("7373011505990001", "2026-05-15", "1999-05-15")]
    [InlineData("7373011605260001", "2026-05-15", "1926-05-16")] // same year, but tomorrow
    [InlineData("7373010112260001", "2026-05-15", "1926-12-01")] // same year, later month
    [InlineData("7373011505990001", "2100-01-01", "2099-05-15")]
    [InlineData("7373011505000001", "2100-01-01", "2000-05-15")]
    public void Century_is_chosen_so_the_birth_date_is_not_in_the_future(string input, string today, string birthDate)
    {
        var nik = Valid(input, Date(today));

        Assert.Equal(Date(birthDate), nik.BirthDate);
        Assert.True(nik.BirthDate <= Date(today));
    }

    [Fact]
    public void Leap_day_of_year_00_is_invalid_when_it_must_fall_in_1900()
    {
        // On 15 January 2000, 29 Feb "00" has not happened yet, so it means 1900: not a leap year.
        AssertInvalid("7373012902000001", NikError.InvalidDate, new DateOnly(2000, 1, 15));
    }

    [Fact]
    public void Overload_without_a_date_resolves_against_today()
    {
        Assert.True(Nik.TryParse("7373011505900001", out var nik, out var error));
        Assert.Null(error);
        Assert.Equal(new DateOnly(1990, 5, 15), nik.BirthDate);
        Assert.True(nik.BirthDate <= DateOnly.FromDateTime(DateTime.UtcNow));
    }

    // ---- region ----

    [Theory]
    [InlineData("11")] // Aceh
    [InlineData("19")] // Kepulauan Bangka Belitung
    [InlineData("21")] // Kepulauan Riau
    [InlineData("31")] // DKI Jakarta
    [InlineData("36")] // Banten
    [InlineData("51")] // Bali
    [InlineData("53")] // Nusa Tenggara Timur
    [InlineData("61")] // Kalimantan Barat
    [InlineData("65")] // Kalimantan Utara
    [InlineData("71")] // Sulawesi Utara
    [InlineData("73")] // Sulawesi Selatan
    [InlineData("76")] // Sulawesi Barat
    [InlineData("81")] // Maluku
    [InlineData("82")] // Maluku Utara
    [InlineData("91")] // Papua
    [InlineData("93")] // Papua Selatan
    [InlineData("94")] // Papua Tengah
    [InlineData("95")] // Papua Pegunungan
    [InlineData("96")] // Papua Barat Daya
    public void Every_real_province_is_accepted(string province)
    {
        var nik = Valid(province + "0101" + "150590" + "0001");

        Assert.Equal(province, nik.ProvinceCode);
        Assert.False(nik.IsPalopo);
    }

    [Theory]
    [InlineData("9973011505900001")] // province 99
    [InlineData("0073011505900001")] // province 00
    [InlineData("1073011505900001")] // province 10
    [InlineData("2073011505900001")] // province 20
    [InlineData("3773011505900001")] // province 37
    [InlineData("5473011505900001")] // province 54
    [InlineData("7773011505900001")] // province 77
    [InlineData("9773011505900001")] // province 97
    [InlineData("7300011505900001")] // regency 00
    [InlineData("7373001505900001")] // district 00
    [InlineData("7371001505900001")] // Makassar, district 00
    public void Unknown_province_or_zero_regency_or_district_is_an_invalid_region(string input)
    {
        AssertInvalid(input, NikError.InvalidRegion);
    }

    [Fact]
    public void Region_is_checked_before_date_and_serial()
    {
        AssertInvalid("9999993213000000", NikError.InvalidRegion);
    }

    [Fact]
    public void Codes_are_read_from_the_front_of_the_number()
    {
        var nik = Valid("7373041505900001");

        Assert.Equal("73", nik.ProvinceCode);
        Assert.Equal("7373", nik.RegencyCode);
        Assert.Equal("737304", nik.DistrictCode);
    }

    [Theory]
    [InlineData("737301")] // Wara
    [InlineData("737302")]
    [InlineData("737303")]
    [InlineData("737304")]
    [InlineData("737305")]
    [InlineData("737306")]
    [InlineData("737307")]
    [InlineData("737308")]
    [InlineData("737309")]
    public void Palopo_district_01_to_09_is_palopo(string district)
    {
        Assert.True(Valid(district + "150590" + "0001").IsPalopo);
    }

    [Theory]
    [InlineData("7373101505900001")] // Palopo has no district 10
    [InlineData("7373991505900001")]
    [InlineData("7371011505900001")] // Kota Makassar
    [InlineData("7317011505900001")] // Kabupaten Luwu, Palopo's neighbour
    [InlineData("7173011505900001")] // regency 73 of another province
    [InlineData("3173011505900001")]
    public void Valid_nik_from_elsewhere_is_not_palopo(string input)
    {
        Assert.False(Valid(input).IsPalopo);
    }

    // ---- serial ----

    [Fact]
    public void Serial_0000_is_an_invalid_serial()
    {
        AssertInvalid("7373011505900000", NikError.InvalidSerial);
    }

    [Theory]
    [InlineData("7373011505900001")]
    [InlineData("7373011505909999")]
    [InlineData("7373011505901000")]
    public void Any_other_serial_is_valid(string input)
    {
        Assert.Equal(input, Valid(input).Value);
    }

    // ---- input shape ----

    [Theory]
    [InlineData("7373 01 150590 0001")]
    [InlineData("7373.01.150590.0001")]
    [InlineData("7373 0115 0590 0001")]
    [InlineData("  7373011505900001  ")]
    [InlineData("7373\t01\t150590\t0001")]
    [InlineData("7373011505900001\n")]
    [InlineData("73.73.01 . 150590.0001")]
    [InlineData("7373\u00A001\u00A0150590\u00A00001")] // non-breaking spaces pasted from a document
    public void Spaces_and_dots_are_ignored_as_separators(string input)
    {
        Assert.Equal("7373011505900001", Valid(input).Value);
    }

    [Theory]
    [InlineData("73730115059000O1")] // letter O for zero
    [InlineData("737301150590000l")] // letter l for one
    [InlineData("7373-01-150590-0001")]
    [InlineData("7373/01/150590/0001")]
    [InlineData("7373,01,150590,0001")]
    [InlineData("+7373011505900001")]
    [InlineData("NIK 7373011505900001")]
    [InlineData("\u0667\u0663\u0667\u0663011505900001")] // Arabic-Indic digits
    [InlineData("\uFF17\uFF13\uFF17\uFF13011505900001")] // full-width digits
    [InlineData("abc")]
    public void Anything_but_digits_spaces_and_dots_is_not_digits(string input)
    {
        AssertInvalid(input, NikError.NotDigits);
    }

    [Theory]
    [InlineData("737301150590001")] // 15 digits
    [InlineData("73730115059000011")] // 17 digits
    [InlineData("7373")]
    [InlineData("0")]
    [InlineData("7373 01 150590 0001 1")]
    public void Fewer_or_more_than_16_digits_is_the_wrong_length(string input)
    {
        AssertInvalid(input, NikError.WrongLength);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData(". . .")]
    public void Nothing_but_whitespace_or_dots_is_empty(string? input)
    {
        AssertInvalid(input, NikError.Empty);
    }

    // ---- Parse ----

    [Fact]
    public void Parse_returns_the_nik_for_a_valid_number()
    {
        var nik = Nik.Parse("7373 01 450590 0001", Today);

        Assert.Equal("7373014505900001", nik.Value);
        Assert.Equal(Sex.Female, nik.Sex);
    }

    [Theory]
    [InlineData("7373011505900000", NikError.InvalidSerial)]
    [InlineData("7373013104900001", NikError.InvalidDate)]
    [InlineData("9973011505900001", NikError.InvalidRegion)]
    [InlineData("73730115059000O1", NikError.NotDigits)]
    [InlineData("7373", NikError.WrongLength)]
    [InlineData("", NikError.Empty)]
    public void Parse_throws_a_format_exception_naming_the_error(string input, NikError error)
    {
        var ex = Assert.Throws<FormatException>(() => Nik.Parse(input, Today));

        Assert.Contains(error.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_error_message_does_not_repeat_the_input()
    {
        var ex = Assert.Throws<FormatException>(() => Nik.Parse("7373011505900000", Today));

        Assert.DoesNotContain("7373011505900000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_without_a_date_accepts_a_valid_number()
    {
        Assert.Equal("7373011505900001", Nik.Parse("7373011505900001").Value);
    }

    // ---- masking and ToString ----

    [Theory]
    [InlineData("7373011505900001", "7373********0001")]
    [InlineData("7371 02 450190 1234", "7371********1234")]
    [InlineData("3173011505909999", "3173********9999")]
    public void Masked_shows_only_the_first_and_last_four_digits(string input, string masked)
    {
        Assert.Equal(masked, Valid(input).Masked);
    }

    [Theory]
    [InlineData("7373011505900001")]
    [InlineData("7373094112850042")]
    public void ToString_returns_the_masked_form_never_the_full_number(string input)
    {
        var nik = Valid(input);

        Assert.Equal(nik.Masked, nik.ToString());
        Assert.Equal(nik.Masked, $"{nik}");
        Assert.DoesNotContain(nik.Value, nik.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(nik.Value[4..12], nik.ToString(), StringComparison.Ordinal);
    }

    private sealed record Citizen(string Name, Nik Nik);

    [Fact]
    public void A_record_holding_a_nik_prints_it_masked()
    {
        var citizen = new Citizen("Andi", Valid("7373011505900001"));

        var printed = citizen.ToString();

        Assert.Contains("7373********0001", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("7373011505900001", printed, StringComparison.Ordinal);
    }

    // ---- equality ----

    [Fact]
    public void Same_digits_written_differently_are_equal()
    {
        var a = Valid("7373011505900001");
        var b = Valid("7373 01 150590 0001");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Different_digits_are_not_equal()
    {
        Assert.NotEqual(Valid("7373011505900001"), Valid("7373011505900002"));
        Assert.False(Valid("7373011505900001").Equals(null));
    }

    [Fact]
    public void Equality_is_by_the_digits_even_when_the_century_was_resolved_differently()
    {
        var early = Valid("7373011505300001", new DateOnly(2026, 1, 1));
        var late = Valid("7373011505300001", new DateOnly(2031, 1, 1));

        Assert.NotEqual(early.BirthDate, late.BirthDate);
        Assert.Equal(early, late);
    }
}

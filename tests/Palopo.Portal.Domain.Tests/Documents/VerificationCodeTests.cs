using Palopo.Portal.Domain.Documents;

namespace Palopo.Portal.Domain.Tests.Documents;

public sealed class VerificationCodeTests
{
    [Fact]
    public void A_new_code_is_16_crockford_characters_carrying_80_bits()
    {
        var code = VerificationCode.New();
        Assert.Equal(16, code.Length);
        Assert.All(code, c => Assert.Contains(c, VerificationCode.Alphabet));
        Assert.Equal(32, VerificationCode.Alphabet.Length); // 5 bits a symbol
        Assert.True(VerificationCode.EntropyBits >= 80);
        Assert.Equal(code, VerificationCode.Normalize(code));
    }

    [Fact]
    public void New_codes_do_not_repeat_and_use_the_whole_alphabet()
    {
        var codes = Enumerable.Range(0, 5000).Select(_ => VerificationCode.New()).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        // Every symbol turns up, in every position: no bias from a bad bit reader.
        var symbols = codes.SelectMany(c => c).Distinct().Count();
        Assert.Equal(32, symbols);
        for (var position = 0; position < VerificationCode.Length; position++)
            Assert.True(codes.Select(c => c[position]).Distinct().Count() > 24, $"position {position} looks biased");
    }

    [Theory]
    [InlineData("ABCD-EFGH-JKMN-PQRS", "ABCDEFGHJKMNPQRS")]
    [InlineData("abcd efgh jkmn pqrs", "ABCDEFGHJKMNPQRS")]
    [InlineData("abcdefghjkmnpqrs", "ABCDEFGHJKMNPQRS")]
    [InlineData(" 0123-4567-89AB-CDEF ", "0123456789ABCDEF")]
    [InlineData("O123-4567-89AB-CDEF", "0123456789ABCDEF")] // letter O read as zero
    [InlineData("0I23-4567-89AB-CDEF", "0123456789ABCDEF")] // letter I read as one
    [InlineData("0L23-4567-89AB-CDEF", "0123456789ABCDEF")] // letter L read as one
    public void Typed_input_is_normalised(string input, string expected) =>
        Assert.Equal(expected, VerificationCode.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD-EFGH-JKMN-PQR")] // 15
    [InlineData("ABCD-EFGH-JKMN-PQRST")] // 17
    [InlineData("ABCD-EFGH-JKMN-PQRU")] // U is not in Crockford's alphabet
    [InlineData("ABCD/EFGH/JKMN/PQRS")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-ABCD-EFGH-JKMN-PQRS-ABCD-EFGH-JKMN-PQRS-ABCD-EFGH")]
    public void Anything_else_is_not_a_code(string? input) =>
        Assert.Null(VerificationCode.Normalize(input));

    [Fact]
    public void Codes_are_shown_in_groups_of_four() =>
        Assert.Equal("ABCD-EFGH-JKMN-PQRS", VerificationCode.Display("ABCDEFGHJKMNPQRS"));
}

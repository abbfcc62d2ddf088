using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Domain.Tests.Requests;

public sealed class ReferenceNumberTests
{
    [Fact]
    public void Reference_numbers_have_the_year_and_a_six_digit_sequence()
    {
        Assert.Equal("PLP-2026-000123", ReferenceNumber.Format(2026, 123));
        Assert.True(ReferenceNumber.IsWellFormed("PLP-2026-000123"));
        Assert.False(ReferenceNumber.IsWellFormed("PLP-2026-12"));
        Assert.False(ReferenceNumber.IsWellFormed("XYZ-2026-000123"));
    }

    [Fact]
    public void Tracking_codes_avoid_look_alike_characters_and_differ()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => ReferenceNumber.NewTrackingCode()).ToList();
        Assert.All(codes, c => Assert.Equal(ReferenceNumber.TrackingCodeLength, c.Length));
        Assert.All(codes, c => Assert.DoesNotContain(c, ch => ch is '0' or 'O' or '1' or 'I' or 'L'));
        Assert.True(codes.Distinct().Count() > 195);
    }

    [Fact]
    public void Tracking_codes_are_compared_without_case_spaces_or_dashes()
    {
        Assert.Equal("ABCD2345", ReferenceNumber.NormalizeTrackingCode(" abcd-2345 "));
    }
}

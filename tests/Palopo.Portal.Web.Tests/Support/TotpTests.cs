using Palopo.Portal.Testing;
using System.Text;

namespace Palopo.Portal.Web.Tests.Support;

/// <summary>The test helper itself, against the RFC 6238 appendix B vectors (SHA-1; last six digits).</summary>
public sealed class TotpTests
{
    // Base32 of the RFC's ASCII secret "12345678901234567890".
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void Code_matches_the_rfc_6238_test_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void Key_is_read_as_the_portal_shows_it_in_lower_case_groups() =>
        Assert.Equal(Encoding.ASCII.GetBytes("12345678901234567890"), Totp.Base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));

    [Fact]
    public void Wrong_code_differs_from_every_code_the_server_would_accept()
    {
        var wrong = Totp.WrongCode(RfcKey);
        var now = DateTimeOffset.UtcNow;

        Assert.Matches("^[0-9]{6}$", wrong);
        Assert.All(Enumerable.Range(-2, 5), step => Assert.NotEqual(Totp.Code(RfcKey, now, step), wrong));
    }
}

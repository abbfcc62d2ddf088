using Palopo.Portal.Testing;
using Palopo.Portal.Browser.Tests.Support;

namespace Palopo.Portal.Browser.Tests;

/// <summary>The test helper that plays the authenticator app, checked against RFC 6238's own vectors.</summary>
public sealed class TotpTests
{
    // RFC 6238 appendix B, SHA-1: key "12345678901234567890" (base32 below), 8 digits.
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59, "94287082")]
    [InlineData(1111111109, "07081804")]
    [InlineData(1234567890, "89005924")]
    [InlineData(20000000000, "65353130")]
    public void Matches_the_RFC_6238_test_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds), digits: 8));

    [Fact]
    public void Reads_keys_as_the_portal_shows_them_grouped_and_lower_case() =>
        Assert.Equal(
            Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(59)),
            Totp.Code("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", DateTimeOffset.FromUnixTimeSeconds(59)));
}

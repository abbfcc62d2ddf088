using System.Net;
using Palopo.Portal.Web.Tests.Security;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Documents;

/// <summary>The verification pages are an oracle for codes: 30 checks a minute per client, then 429.</summary>
[Collection(LowRateLimitPortalCollection.Name)]
public sealed class VerifyRateLimitTests(LowRateLimitPortalFixture portal) : PortalTests(portal)
{
    [Fact]
    public async Task The_thirty_first_verification_in_a_minute_gets_429()
    {
        var client = NewClient();
        for (var i = 1; i <= 30; i++)
        {
            using var allowed = await client.GetAsync(i % 2 == 0 ? "/verifikasi/0000-0000-0000-0000" : "/verifikasi");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var rejected = await client.GetAsync("/verifikasi/0000-0000-0000-0001");
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.NotNull(rejected.Headers.RetryAfter?.Delta);
        var page = await PortalClient.ReadPageAsync(rejected, HttpStatusCode.TooManyRequests);
        Assert.Equal(T.Id("Error.TooManyTitle"), page.Heading);
    }
}

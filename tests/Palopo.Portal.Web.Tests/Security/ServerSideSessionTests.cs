using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Security;

/// <summary>
/// Sessions live on the server (UserSessions rows): a cookie is only as good as its row. None of these
/// paths changes the security stamp any more, so they pass only because the row was revoked.
/// </summary>
public abstract class ServerSideSessionTests(PortalFixture portal) : PortalTests(portal)
{
    private const string AuthCookie = ".Palopo.Auth";

    [PortalFact]
    public async Task A_cookie_copied_before_sign_out_is_refused_afterwards()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var browser = NewClient();
        await SignInAsync(browser, citizen.Email, citizen.Password);
        var stolen = browser.Cookie(AuthCookie);
        Assert.False(string.IsNullOrEmpty(stolen));

        var attacker = NewClientWithAuthCookie(stolen!);
        await AssertSignedInAsync(attacker, citizen.Email); // the copy works while the session lives

        var stampBefore = (await FindUserAsync(citizen.Email))!.SecurityStamp;
        await SignOutAsync(browser);

        await AssertSignedOutAsync(attacker);
        using var json = await attacker.GetAsync("/permohonan");
        Redirects.AssertRedirect(json, "/akun/masuk?kembali=%2Fpermohonan");
        Assert.Equal(stampBefore, (await FindUserAsync(citizen.Email))!.SecurityStamp); // the row did it, not the stamp
        var userId = (await FindUserAsync(citizen.Email))!.Id;
        var rows = await SessionsOfAsync(userId);
        Assert.Single(rows);
        Assert.NotNull(rows[0].RevokedUtc);
        Assert.Empty(rows[0].ProtectedTicket); // nothing left to steal from the table either
    }

    [PortalFact]
    public async Task The_cookie_holds_a_session_key_not_the_identity()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var browser = NewClient();
        await SignInAsync(browser, citizen.Email, citizen.Password);
        var cookie = browser.Cookie(AuthCookie)!;
        // A whole ticket with Identity's claims is well over a kilobyte; a protected session key is small.
        Assert.True(cookie.Length < 600, $"cookie is {cookie.Length} characters");
        var rows = await SessionsOfAsync((await FindUserAsync(citizen.Email))!.Id);
        var row = Assert.Single(rows);
        Assert.Null(row.RevokedUtc);
        Assert.True(row.ExpiresUtc > DateTime.UtcNow.AddMinutes(20) && row.ExpiresUtc < DateTime.UtcNow.AddHours(9), $"expires {row.ExpiresUtc:O}");
    }

    [PortalFact]
    public async Task Changing_the_password_revokes_every_other_session_row_and_keeps_this_one()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var laptop = NewClient();
        var phone = NewClient();
        var tablet = NewClient();
        await SignInAsync(laptop, citizen.Email, citizen.Password);
        await SignInAsync(phone, citizen.Email, citizen.Password);
        await SignInAsync(tablet, citizen.Email, citizen.Password);

        using var changed = await laptop.SubmitFormAsync("/akun/ubah-sandi", new Dictionary<string, string?>
        {
            ["CurrentPassword"] = citizen.Password,
            ["NewPassword"] = "teh hangat di sore hari palopo",
            ["ConfirmPassword"] = "teh hangat di sore hari palopo",
        });
        Redirects.AssertRedirect(changed, AccountUrl);

        await AssertSignedInAsync(laptop, citizen.Email);
        await AssertSignedOutAsync(phone);
        await AssertSignedOutAsync(tablet);
        var rows = await SessionsOfAsync((await FindUserAsync(citizen.Email))!.Id);
        Assert.Equal(3, rows.Count);
        Assert.Equal(2, rows.Count(r => r.RevokedUtc is not null));
    }

    [PortalFact]
    public async Task Ending_all_sessions_through_IUserSessions_signs_out_every_device_at_once()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var one = NewClient();
        var two = NewClient();
        await SignInAsync(one, citizen.Email, citizen.Password);
        await SignInAsync(two, citizen.Email, citizen.Password);
        var user = (await FindUserAsync(citizen.Email))!;

        await InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IUserSessions>().EndAllAsync(user.Id, CancellationToken.None);
            return 0;
        });

        await AssertSignedOutAsync(one);
        await AssertSignedOutAsync(two);
        Assert.Equal(user.SecurityStamp, (await FindUserAsync(citizen.Email))!.SecurityStamp);
        // Signing in again works and makes a new, live session.
        await SignInAsync(one, citizen.Email, citizen.Password);
        await AssertSignedInAsync(one, citizen.Email);
    }

    [PortalFact]
    public async Task A_session_revoked_on_another_node_is_refused_here_once_its_signal_arrives()
    {
        await CacheSignalLog.WaitUntilCurrentAsync(App.Services);
        var citizen = await RegisterConfirmedCitizenAsync();
        var browser = NewClient();
        await SignInAsync(browser, citizen.Email, citizen.Password);
        await AssertSignedInAsync(browser, citizen.Email);
        var userId = (await FindUserAsync(citizen.Email))!.Id;

        // What another node's IUserSessions does: revoke the rows, then append a signal to the log.
        await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Set<UserSession>()
            .Where(x => x.UserId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.RevokedUtc, DateTime.UtcNow)));
        // This node only hears of it through the log (ADR 0015). (It cannot be shown here that it
        // trusted its copy until then: these tests check the security stamp on every request, which
        // renews the ticket and so drops the copy each time.)
        await CacheSignalLog.AppendAsync(App.Services, CacheTopics.UserSessions, userId.ToString("D"));

        await AssertSignedOutWithinPatienceAsync(browser);
    }

    [PortalFact]
    public async Task An_account_deactivated_by_hand_is_signed_out_with_the_documented_signal()
    {
        await CacheSignalLog.WaitUntilCurrentAsync(App.Services);
        var citizen = await RegisterConfirmedCitizenAsync();
        var browser = NewClient();
        await SignInAsync(browser, citizen.Email, citizen.Password);
        await AssertSignedInAsync(browser, citizen.Email);
        var userId = (await FindUserAsync(citizen.Email))!.Id;

        // docs/operations.md, "Ending sessions by hand": no revocation, only IsActive and the signal.
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            return await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        });
        await CacheSignalLog.AppendAsync(App.Services, CacheTopics.UserSessions, userId.ToString("D"));

        await AssertSignedOutWithinPatienceAsync(browser);
    }

    [PortalFact]
    public async Task A_forged_or_unknown_session_cookie_is_treated_as_signed_out()
    {
        var forged = NewClientWithAuthCookie("CfDJ8" + new string('A', 200));
        await AssertSignedOutAsync(forged);
        using var response = await forged.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The account page sends <paramref name="browser"/> to sign in, within <see cref="CacheSignalLog.Patience"/>.</summary>
    private static async Task AssertSignedOutWithinPatienceAsync(PortalClient browser)
    {
        var location = await CacheSignalLog.PollUntilAsync(async () =>
        {
            using var response = await browser.GetAsync(AccountUrl);
            return response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location?.OriginalString;
        }, l => l == "/akun/masuk?kembali=%2Fakun");
        Assert.Equal("/akun/masuk?kembali=%2Fakun", location);
    }

    private PortalClient NewClientWithAuthCookie(string value)
    {
        var client = NewClient();
        client.Cookies.Add(new Uri("http://localhost"), new Cookie(AuthCookie, value, "/"));
        return client;
    }

    private Task<List<UserSession>> SessionsOfAsync(Guid userId) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Set<UserSession>().AsNoTracking().Where(s => s.UserId == userId).ToListAsync());
}

[Collection(SqlitePortalCollection.Name)]
public sealed class ServerSideSessionsOnSqlite(SqlitePortalFixture portal) : ServerSideSessionTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class ServerSideSessionsOnPostgreSql(PostgreSqlPortalFixture portal) : ServerSideSessionTests(portal);

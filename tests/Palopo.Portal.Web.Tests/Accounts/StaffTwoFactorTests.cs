using Palopo.Portal.Testing;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Accounts;

/// <summary>
/// Staff must use two-factor sign-in (ADR 0007): a staff account without an authenticator signs in
/// to the enrolment page only, and everything else opens after enrolment.
/// </summary>
public abstract class StaffTwoFactorTests(PortalFixture portal) : PortalTests(portal)
{
    private const string EnableUrl = "/akun/2fa/aktifkan";
    private const string Password = "kopi toraja di pagi hari";

    [PortalFact]
    public async Task Staff_without_two_factor_reaches_only_the_enrolment_page_until_enrolled()
    {
        var email = await CreateStaffWithoutTwoFactorAsync(Roles.Officer);
        var client = NewClient();

        using (var login = await PostLoginAsync(client, email, Password))
            Redirects.AssertRedirect(login, EnableUrl);

        // Every other page, signed-in or public, GET or POST, leads back to enrolment (and keeps doing so
        // although the tests re-validate the cookie on every request, which rebuilds the principal).
        foreach (var url in new[] { "/", AccountUrl, "/petugas", "/petugas/kepala", "/permohonan", "/layanan", "/akun/ubah-sandi", "/notifikasi", "/tidak-ada" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {url}: expected a redirect to enrolment, got {(int)response.StatusCode}");
            Assert.Equal(EnableUrl, Redirects.PathAndQuery(response.Headers.Location));
        }

        var enable = await client.GetPageAsync(EnableUrl);
        Assert.Equal(T.Id("TwoFactor.StaffEnrolmentRequired"), enable.Text("#staff-enrolment-required"));
        var token = enable.Form(EnableUrl).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using (var post = await client.PostAsync("/akun/2fa/nonaktifkan", [new("__RequestVerificationToken", token)]))
            Redirects.AssertRedirect(post, EnableUrl);
        using (var post = await client.PostAsync("/akun/ubah-sandi", [new("CurrentPassword", Password), new("NewPassword", "x"), new("__RequestVerificationToken", token)]))
            Redirects.AssertRedirect(post, EnableUrl);

        // A wrong code keeps the restriction.
        var key = enable.Text("#shared-key").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var wrong = await PortalClient.ReadPageAsync(
            await client.SubmitAsync(enable, EnableUrl, new Dictionary<string, string?> { ["Code"] = Totp.WrongCode(key) }));
        Assert.Equal(T.Id("TwoFactor.CodeWrong"), wrong.FieldError("Code"));
        using (var still = await client.GetAsync("/petugas"))
            Assert.Equal(EnableUrl, Redirects.AssertRedirect(still));

        // Enrolment with the authenticator's code lifts it in the same session.
        var codes = await client.FollowAsync(
            await client.SubmitAsync(wrong, EnableUrl, new Dictionary<string, string?> { ["Code"] = Totp.Code(key) }),
            "/akun/2fa/kode-pemulihan");
        Assert.Equal(10, codes.Document.QuerySelectorAll("#recovery-codes code").Length);
        var account = await AssertSignedInAsync(client, email);
        Assert.Equal(T.Id("Account.TwoFactorOn"), account.Text("#two-factor-status"));
        Assert.False(account.Has("#staff-enrolment-required"));
        using (var workspace = await client.GetAsync("/petugas"))
            Assert.False(workspace.StatusCode == HttpStatusCode.Redirect && Redirects.PathAndQuery(workspace.Headers.Location) == EnableUrl, "/petugas still sends to enrolment");
        await client.GetPageAsync("/layanan");
        Assert.True((await FindUserAsync(email))!.TwoFactorEnabled);

        // From now on the password alone leads to the code step, and the code signs in fully.
        await SignOutAsync(client);
        using (var again = await PostLoginAsync(client, email, Password))
            Redirects.AssertRedirect(again, "/akun/masuk/2fa");
        await AssertSignedOutAsync(client);
    }

    [PortalFact]
    public async Task Supervisor_and_admin_without_two_factor_are_sent_to_enrolment_too()
    {
        foreach (var role in new[] { Roles.Supervisor, Roles.Admin })
        {
            var email = await CreateStaffWithoutTwoFactorAsync(role);
            var client = NewClient();
            using (var login = await PostLoginAsync(client, email, Password))
                Redirects.AssertRedirect(login, EnableUrl);
            using var home = await client.GetAsync("/");
            Assert.Equal(EnableUrl, Redirects.AssertRedirect(home));
            var enable = await client.GetPageAsync(EnableUrl);
            using (var signOut = await client.SubmitAsync(enable, "/akun/keluar")) // sign-out stays open
                Redirects.AssertRedirect(signOut, "/");
            await AssertSignedOutAsync(client);
        }
    }

    [PortalFact]
    public async Task Citizen_without_two_factor_is_not_restricted()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();
        await SignInAsync(client, citizen.Email, citizen.Password);
        await client.GetPageAsync("/permohonan");
        var enable = await client.GetPageAsync(EnableUrl);
        Assert.False(enable.Has("#staff-enrolment-required"));
    }

    /// <summary>A confirmed, active staff account of Disdukcapil with <paramref name="role"/> and no authenticator.</summary>
    private Task<string> CreateStaffWithoutTwoFactorAsync(string role) =>
        InScopeAsync(async sp =>
        {
            var agency = await sp.GetRequiredService<PortalDbContext>().Agencies.SingleAsync(a => a.Code == "disdukcapil");
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var email = $"staf.{Guid.NewGuid():N}"[..17] + "@palopo.test";
            var user = new PortalUser
            {
                Id = Guid.NewGuid(),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = "Staf Baru " + role,
                AgencyId = role == Roles.Admin ? null : agency.Id,
                CreatedAtUtc = DateTime.UtcNow,
            };
            AssertSucceeded(await users.CreateAsync(user, Password));
            AssertSucceeded(await users.AddToRoleAsync(user, role));
            if (role == Roles.Supervisor)
                AssertSucceeded(await users.AddToRoleAsync(user, Roles.Officer));
            Assert.False(user.TwoFactorEnabled);
            return email;
        });

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}

[Collection(SqlitePortalCollection.Name)]
public sealed class StaffTwoFactorOnSqlite(SqlitePortalFixture portal) : StaffTwoFactorTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class StaffTwoFactorOnPostgreSql(PostgreSqlPortalFixture portal) : StaffTwoFactorTests(portal);

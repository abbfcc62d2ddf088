using Palopo.Portal.Testing;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Accounts;

/// <summary>Authenticator-app two-factor sign-in: turning it on, signing in with it, recovery codes, staff.</summary>
public abstract class TwoFactorTests(PortalFixture portal) : PortalTests(portal)
{
    private const string EnableUrl = "/akun/2fa/aktifkan";
    private const string TwoFactorUrl = "/akun/masuk/2fa";
    private const string RecoveryUrl = "/akun/masuk/kode-pemulihan";

    [PortalFact]
    public async Task Citizen_turns_on_an_authenticator_and_from_then_on_signs_in_with_its_code()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();
        await SignInAsync(client, citizen.Email, citizen.Password);
        Assert.Equal(T.Id("Account.TwoFactorOff"), (await client.GetPageAsync(AccountUrl)).Text("#two-factor-status"));

        var (key, codes) = await EnableAuthenticatorAsync(client);

        Assert.Equal(10, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var account = await AssertSignedInAsync(client, citizen.Email); // still signed in after turning it on
        Assert.Equal(T.Id("Account.TwoFactorOn"), account.Text("#two-factor-status"));
        Assert.True((await FindUserAsync(citizen.Email))!.TwoFactorEnabled);
        await SignOutAsync(client);

        // The password alone no longer signs in: it leads to the code step.
        var step = await client.FollowAsync(await PostLoginAsync(client, citizen.Email, citizen.Password), TwoFactorUrl);
        Assert.Equal(T.Id("TwoFactor.Title"), step.Heading);
        await AssertSignedOutAsync(client);

        var wrong = await PortalClient.ReadPageAsync(
            await client.SubmitAsync(step, TwoFactorUrl, new Dictionary<string, string?> { ["Code"] = Totp.WrongCode(key) }));
        Assert.Equal(T.Id("TwoFactor.CodeWrong"), wrong.FieldError("Code"));
        await AssertSignedOutAsync(client);

        using var right = await client.SubmitAsync(wrong, TwoFactorUrl, new Dictionary<string, string?> { ["Code"] = Totp.Code(key) });
        Redirects.AssertRedirect(right, "/");
        await AssertSignedInAsync(client, citizen.Email);
    }

    [PortalFact]
    public async Task Recovery_code_signs_in_once_and_is_refused_the_second_time()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();
        await SignInAsync(client, citizen.Email, citizen.Password);
        var (_, codes) = await EnableAuthenticatorAsync(client);
        await SignOutAsync(client);

        using (var first = await SubmitRecoveryCodeAsync(client, citizen, codes[0]))
            Redirects.AssertRedirect(first, "/");
        var account = await AssertSignedInAsync(client, citizen.Email);
        Assert.Equal(T.Id("TwoFactor.CodesLeft", 9), account.Text(".meta"));
        await SignOutAsync(client);

        var again = await PortalClient.ReadPageAsync(await SubmitRecoveryCodeAsync(client, citizen, codes[0]));
        Assert.Equal(T.Id("TwoFactor.RecoveryWrong"), again.FieldError("RecoveryCode"));
        await AssertSignedOutAsync(client);
    }

    [PortalFact]
    public async Task Staff_demo_account_must_pass_the_authenticator_step_and_cannot_turn_it_off()
    {
        const string officer = "petugas.disdukcapil@palopo.test";
        var client = NewClient();

        var step = await client.FollowAsync(await PostLoginAsync(client, officer, Citizen.DemoPassword), TwoFactorUrl);
        await AssertSignedOutAsync(client); // the password alone is not enough
        using (var signedIn = await client.SubmitAsync(step, TwoFactorUrl,
                   new Dictionary<string, string?> { ["Code"] = Totp.Code(Citizen.DemoStaffAuthenticatorKey) }))
        {
            Redirects.AssertRedirect(signedIn, "/");
        }

        var account = await AssertSignedInAsync(client, officer);
        var afterDisable = await client.FollowAsync(await client.SubmitAsync(account, "/akun/2fa/nonaktifkan"), AccountUrl);

        Assert.Equal(T.Id("TwoFactor.StaffRequired"), afterDisable.Notice);
        Assert.Equal(T.Id("Account.TwoFactorOn"), afterDisable.Text("#two-factor-status"));
        Assert.True((await FindUserAsync(officer))!.TwoFactorEnabled);
    }

    /// <summary>
    /// Reads the shared key off the page as a person would type it into an app, answers with the
    /// current code, and returns the key and the recovery codes shown once.
    /// </summary>
    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAuthenticatorAsync(PortalClient client)
    {
        var page = await client.GetPageAsync(EnableUrl);
        var key = page.Text("#shared-key").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.True(page.Has(".qr svg"), "The page should show a QR code.");

        var codesPage = await client.FollowAsync(
            await client.SubmitAsync(page, EnableUrl, new Dictionary<string, string?> { ["Code"] = Totp.Code(key) }),
            "/akun/2fa/kode-pemulihan");
        IReadOnlyList<string> codes = [.. codesPage.Document.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent.Trim())];
        return (key, codes);
    }

    /// <summary>Password, then the "use a recovery code" page, then the code.</summary>
    private static async Task<HttpResponseMessage> SubmitRecoveryCodeAsync(PortalClient client, Citizen citizen, string code)
    {
        _ = await client.FollowAsync(await PostLoginAsync(client, citizen.Email, citizen.Password), TwoFactorUrl);
        return await client.SubmitFormAsync(RecoveryUrl, new Dictionary<string, string?> { ["RecoveryCode"] = code });
    }
}

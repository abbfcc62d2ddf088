using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Accounts;

/// <summary>Sign-in at /akun/masuk: confirmation required, lockout, no account enumeration, return addresses.</summary>
public abstract class SignInTests(PortalFixture portal) : PortalTests(portal)
{
    [PortalFact]
    public async Task Sign_in_before_confirming_the_email_is_refused_with_the_not_confirmed_message()
    {
        var citizen = Citizen.New();
        var client = NewClient();
        await RegisterAsync(client, citizen);

        var page = await PortalClient.ReadPageAsync(await PostLoginAsync(client, citizen.Email, citizen.Password));

        Assert.Equal([T.Id("Login.EmailNotConfirmed")], page.ErrorSummary);
        await AssertSignedOutAsync(client);
    }

    [PortalFact]
    public async Task After_five_wrong_passwords_even_the_right_password_is_refused_with_the_same_message()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await PortalClient.ReadPageAsync(await PostLoginAsync(client, citizen.Email, $"salah sandi nomor {attempt} ya"));
            Assert.Equal([T.Id("Login.Failed")], wrong.ErrorSummary);
            Assert.Equal(citizen.Email, wrong.FieldValue("Email"));
            Assert.Empty(wrong.FieldValue("Password") ?? "");
        }

        var locked = await PortalClient.ReadPageAsync(await PostLoginAsync(client, citizen.Email, citizen.Password));

        Assert.Equal([T.Id("Login.Failed")], locked.ErrorSummary);
        await AssertSignedOutAsync(client);
        var user = await FindUserAsync(citizen.Email);
        Assert.True(user!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14), $"Locked until {user.LockoutEnd}");
    }

    [PortalFact]
    public async Task Unknown_email_and_wrong_password_get_identical_answers()
    {
        var citizen = await RegisterConfirmedCitizenAsync();

        var wrongPassword = await PortalClient.ReadPageAsync(await PostLoginAsync(NewClient(), citizen.Email, "bukan sandi yang benar"));
        var unknownEmail = await PortalClient.ReadPageAsync(await PostLoginAsync(NewClient(), "tidak.ada." + citizen.Email, "bukan sandi yang benar"));

        Assert.Equal([T.Id("Login.Failed")], wrongPassword.ErrorSummary);
        Assert.Equal(wrongPassword.ErrorSummary, unknownEmail.ErrorSummary);
        Assert.Equal(wrongPassword.Status, unknownEmail.Status);
        Assert.Equal(
            wrongPassword.MainText.Replace(citizen.Email, "", StringComparison.Ordinal),
            unknownEmail.MainText.Replace("tidak.ada." + citizen.Email, "", StringComparison.Ordinal));
    }

    [PortalFact]
    public async Task Anonymous_visitor_of_a_protected_page_signs_in_and_lands_back_on_it()
    {
        var client = NewClient();

        using var challenge = await client.GetAsync(AccountUrl);
        var loginUrl = Redirects.AssertRedirect(challenge, "/akun/masuk?kembali=%2Fakun");
        var login = await client.GetPageAsync(loginUrl);
        Assert.Equal("/akun", login.Form(LoginUrl).QuerySelector("input[name=ReturnUrl]")?.GetAttribute("value"));

        // The demo citizen, with the password README documents.
        var back = await client.FollowAsync(
            await client.SubmitAsync(login, LoginUrl, new Dictionary<string, string?> { ["Email"] = "warga@palopo.test", ["Password"] = Citizen.DemoPassword }),
            AccountUrl);
        Assert.Contains("warga@palopo.test", back.MainText, StringComparison.Ordinal);
        Assert.Equal("7373********0001", back.Text("#masked-nik"));
    }

    [PortalFact]
    public async Task A_return_address_off_the_site_is_ignored_after_sign_in()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();

        using var response = await PostLoginAsync(client, citizen.Email, citizen.Password, LoginUrl + "?kembali=" + Uri.EscapeDataString("https://evil.example/akun"));

        Redirects.AssertRedirect(response, "/");
    }
}

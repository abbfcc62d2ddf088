using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Accounts;

/// <summary>Forgotten-password reset by mail, and changing the password while signed in.</summary>
public abstract class PasswordTests(PortalFixture portal) : PortalTests(portal)
{
    private const string ForgotUrl = "/akun/lupa-sandi";
    private const string ResetUrl = "/akun/atur-ulang-sandi";
    private const string NewPassword = "hujan sore di kota palopo";

    [PortalFact]
    public async Task Forgotten_password_is_reset_through_the_mailed_link_and_then_only_the_new_one_works()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();

        var done = await client.FollowAsync(await RequestResetAsync(client, citizen.Email), "/akun/lupa-sandi/terkirim");
        Assert.Equal(T.Id("Forgot.DoneTitle"), done.Heading);
        var mail = await Mail.LatestToAsync(citizen.Email);
        Assert.Equal(T.Id("Mail.Reset.Subject"), mail.Subject);
        Assert.Contains("tidak pernah meminta kata sandi atau kode OTP", mail.TextBody, StringComparison.Ordinal);

        var form = await client.GetPageAsync(mail.Link(ResetUrl));
        var reset = await client.FollowAsync(
            await client.SubmitAsync(form, ResetUrl, NewPasswordFields(citizen.Email, NewPassword)),
            "/akun/atur-ulang-sandi/selesai");
        Assert.Equal(T.Id("Reset.DoneTitle"), reset.Heading);

        var old = await PortalClient.ReadPageAsync(await PostLoginAsync(NewClient(), citizen.Email, citizen.Password));
        Assert.Equal([T.Id("Login.Failed")], old.ErrorSummary);
        await SignInAsync(client, citizen.Email, NewPassword);
        await AssertSignedInAsync(client, citizen.Email);
    }

    [PortalFact]
    public async Task Reset_request_for_an_unknown_email_shows_the_same_page_and_sends_no_mail()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();
        var known = await client.FollowAsync(await RequestResetAsync(client, citizen.Email), "/akun/lupa-sandi/terkirim");
        const string stranger = "belum.terdaftar@contoh.test";

        var unknown = await client.FollowAsync(await RequestResetAsync(client, stranger), "/akun/lupa-sandi/terkirim");

        // Other tests and the outbox write to the same pickup folder: count only mail to this address.
        Assert.Equal(0, await Mail.CountToAsync(stranger));
        Assert.Equal(known.Heading, unknown.Heading);
        Assert.Equal(known.Text(".panel"), unknown.Text(".panel"));
        // Only Development adds a link to the mail it wrote (none here): production shows both the same.
        Assert.False(unknown.Has("#dev-mail-link"));
    }

    [PortalFact]
    public async Task Tampered_reset_code_is_refused_with_a_message_and_the_password_is_unchanged()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();
        (await RequestResetAsync(client, citizen.Email)).Dispose();
        var link = (await Mail.LatestToAsync(citizen.Email)).Link(ResetUrl);
        var code = Uri.UnescapeDataString(link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..]);
        var middle = code.Length / 2;
        var tampered = code[..middle] + (code[middle] == 'A' ? 'B' : 'A') + code[(middle + 1)..];

        var form = await client.GetPageAsync(ResetUrl + "?code=" + Uri.EscapeDataString(tampered));
        var refused = await PortalClient.ReadPageAsync(await client.SubmitAsync(form, ResetUrl, NewPasswordFields(citizen.Email, NewPassword)));

        Assert.Equal([T.Id("Account.ResetFailed")], refused.ErrorSummary);
        await SignInAsync(NewClient(), citizen.Email, citizen.Password);
        var withNew = await PortalClient.ReadPageAsync(await PostLoginAsync(NewClient(), citizen.Email, NewPassword));
        Assert.Equal([T.Id("Login.Failed")], withNew.ErrorSummary);
    }

    [PortalFact]
    public async Task Reset_link_without_a_code_says_the_link_is_invalid()
    {
        var page = await NewClient().GetPageAsync(ResetUrl);

        Assert.Equal(T.Id("Confirm.FailTitle"), page.Heading);
        Assert.Contains(T.Id("Account.LinkInvalid"), page.MainText, StringComparison.Ordinal);
    }

    /// <summary>
    /// The tests check the security stamp on every request (PortalAppFactory; the app itself checks it
    /// once a minute), so the other session is seen to end straight away.
    /// </summary>
    [PortalFact]
    public async Task Changing_the_password_signs_out_other_sessions_and_then_only_the_new_one_works()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var laptop = NewClient();
        var phone = NewClient();
        await SignInAsync(laptop, citizen.Email, citizen.Password);
        await SignInAsync(phone, citizen.Email, citizen.Password);
        await AssertSignedInAsync(phone, citizen.Email);

        var account = await laptop.FollowAsync(
            await laptop.SubmitFormAsync("/akun/ubah-sandi", new Dictionary<string, string?>
            {
                ["CurrentPassword"] = citizen.Password,
                ["NewPassword"] = NewPassword,
                ["ConfirmPassword"] = NewPassword,
            }),
            AccountUrl);

        Assert.Equal(T.Id("Password.Changed"), account.Notice);
        await AssertSignedInAsync(laptop, citizen.Email); // this session was re-issued
        await AssertSignedOutAsync(phone);                // the other one ended
        var old = await PortalClient.ReadPageAsync(await PostLoginAsync(NewClient(), citizen.Email, citizen.Password));
        Assert.Equal([T.Id("Login.Failed")], old.ErrorSummary);
        await SignInAsync(NewClient(), citizen.Email, NewPassword);
    }

    [PortalFact]
    public async Task Changing_the_password_with_a_wrong_current_password_is_refused()
    {
        var citizen = await RegisterConfirmedCitizenAsync();
        var client = NewClient();
        await SignInAsync(client, citizen.Email, citizen.Password);

        var page = await PortalClient.ReadPageAsync(await client.SubmitFormAsync("/akun/ubah-sandi", new Dictionary<string, string?>
        {
            ["CurrentPassword"] = "ini bukan sandi saya",
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        }));

        Assert.Equal(T.Id("Password.CurrentWrong"), page.FieldError("CurrentPassword"));
        await SignInAsync(NewClient(), citizen.Email, citizen.Password);
    }

    private static Task<HttpResponseMessage> RequestResetAsync(PortalClient client, string email) =>
        client.SubmitFormAsync(ForgotUrl, new Dictionary<string, string?> { ["Email"] = email });

    private static Dictionary<string, string?> NewPasswordFields(string email, string password) => new()
    {
        ["Email"] = email,
        ["Password"] = password,
        ["ConfirmPassword"] = password,
    };
}

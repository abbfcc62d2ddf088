using System.Net;
using Palopo.Portal.Application.Email;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Accounts;

/// <summary>Registration at /akun/daftar: the happy journey, duplicates, and every kind of bad input.</summary>
public abstract class RegistrationTests(PortalFixture portal) : PortalTests(portal)
{
    [PortalFact]
    public async Task Citizen_registers_confirms_by_mail_signs_in_sees_only_the_masked_nik_and_signs_out()
    {
        var citizen = Citizen.New();
        var client = NewClient();

        // Register: the next page says to check the mail and, in Development, links to it.
        var done = await client.FollowAsync(await PostRegistrationAsync(client, citizen.RegistrationFields()), "/akun/daftar/terkirim");
        Assert.Equal(T.Id("Register.DoneTitle"), done.Heading);
        var mail = await Mail.LatestToAsync(citizen.Email);
        Assert.Equal($"/dev/surat/{mail.FileName}", done.Document.GetElementById("dev-mail-link")?.GetAttribute("href"));
        Assert.Equal(T.Id("Mail.Confirm.Subject"), mail.Subject);
        Assert.EndsWith(AntiFraudFooter.Text, mail.TextBody.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("tidak pernah meminta kata sandi atau kode OTP", AntiFraudFooter.Text, StringComparison.Ordinal);
        Assert.Contains("tidak pernah meminta kata sandi atau kode OTP", mail.HtmlBody, StringComparison.Ordinal);
        var viewer = await client.GetPageAsync($"/dev/surat/{mail.FileName}"); // the Development mail viewer shows the same link
        Assert.Equal(mail.Link("/akun/konfirmasi"), Redirects.PathAndQuery(new Uri(viewer.Document.QuerySelector("a")!.GetAttribute("href")!)));

        // Not yet confirmed in the database; the link confirms it.
        Assert.False((await FindUserAsync(citizen.Email))!.EmailConfirmed);
        await ConfirmAsync(client, mail);
        Assert.True((await FindUserAsync(citizen.Email))!.EmailConfirmed);

        await SignInAsync(client, citizen.Email, citizen.Password);
        var account = await AssertSignedInAsync(client, citizen.Email);
        Assert.Equal(citizen.MaskedNik, account.Text("#masked-nik"));
        Assert.Matches(@"^7373\*{8}\d{4}$", account.Text("#masked-nik"));
        Assert.DoesNotContain(citizen.Nik, account.Html, StringComparison.Ordinal);
        Assert.Contains("Tompotikka", account.MainText, StringComparison.Ordinal);

        await SignOutAsync(client);
        await AssertSignedOutAsync(client);
    }

    [PortalFact]
    public async Task Second_registration_with_the_same_nik_is_refused_and_saves_nothing()
    {
        var first = await RegisterConfirmedCitizenAsync();
        var usersBefore = await CountUsersAsync();
        var second = Citizen.New() with { Nik = first.Nik };

        var page = await PostRegistrationExpectingFormAsync(NewClient(), second.RegistrationFields());

        Assert.Equal([T.Id("Register.CannotRegister")], page.ErrorSummary);
        Assert.Equal(second.Email, page.FieldValue("Email")); // the form is re-shown as typed
        Assert.Equal(second.Nik, page.FieldValue("Nik"));
        Assert.Null(await FindUserAsync(second.Email));
        Assert.Equal(usersBefore, await CountUsersAsync());
        Assert.Equal(0, await Mail.CountToAsync(second.Email));
    }

    [PortalFact]
    public async Task Second_registration_with_the_same_email_is_refused_and_saves_nothing()
    {
        var first = await RegisterConfirmedCitizenAsync();
        var usersBefore = await CountUsersAsync();
        var second = Citizen.New() with { Email = first.Email.ToUpperInvariant() };

        var page = await PostRegistrationExpectingFormAsync(NewClient(), second.RegistrationFields());

        Assert.Equal([T.Id("Register.CannotRegister")], page.ErrorSummary);
        Assert.Equal(usersBefore, await CountUsersAsync());
        var owner = await FindUserAsync(first.Email);
        Assert.Equal(first.FullName, owner!.FullName); // the first account is untouched
    }

    [PortalFact]
    public async Task Duplicate_nik_and_duplicate_email_get_the_same_answer_so_neither_is_revealed()
    {
        var first = await RegisterConfirmedCitizenAsync();

        var sameNik = await PostRegistrationExpectingFormAsync(NewClient(), (Citizen.New() with { Nik = first.Nik }).RegistrationFields());
        var sameEmail = await PostRegistrationExpectingFormAsync(NewClient(), (Citizen.New() with { Email = first.Email }).RegistrationFields());

        Assert.Equal(sameNik.ErrorSummary, sameEmail.ErrorSummary);
        Assert.Empty(sameNik.FieldError("Nik"));
        Assert.Empty(sameEmail.FieldError("Email"));
    }

    /// <summary>culture, field, value typed, resource key of the message expected beside the field.</summary>
    public static TheoryData<string, string, string, string> InvalidFields()
    {
        var cases = new (string Field, string Value, string Message)[]
        {
            ("Nik", "737301150590001", "Nik.WrongLength"),           // 15 digits
            ("Nik", "73730115059000012", "Nik.WrongLength"),         // 17 digits
            ("Nik", "73730115O590OOO1", "Nik.NotDigits"),            // letter O for zero
            ("Nik", "7373013202900001", "Nik.InvalidDate"),          // 32 February
            ("Nik", "7373012902230001", "Nik.InvalidDate"),          // 29 February 2023
            ("Nik", "7373001505900001", "Nik.InvalidRegion"),        // district 00
            ("FullName", "Andi 99", "Register.NameInvalid"),
            ("Email", "andi.contoh.test", "Validation.Email"),
            ("PhoneNumber", "12345", "Register.PhoneInvalid"),
            ("PhoneNumber", "+1 202 555 0100", "Register.PhoneInvalid"),
            ("Password", "passwordpassword", "Password.Common"),
            ("Password", "aku suka kopi", "Password.TooShort"),       // 13 characters
            ("ConfirmPassword", "kopi pagi di pantai lain", "Password.Mismatch"),
            ("AcceptPrivacy", "false", "Register.PrivacyRequired"),
            ("KelurahanCode", "73.73.99.9999", "Register.KelurahanInvalid"), // forged: not a Palopo kelurahan
            ("KelurahanCode", "73.71.01.1001", "Register.KelurahanInvalid"), // Makassar
        };
        var data = new TheoryData<string, string, string, string>();
        foreach (var culture in new[] { "id", "en" })
        {
            foreach (var (field, value, message) in cases)
                data.Add(culture, field, value, message);
        }

        return data;
    }

    [PortalTheory]
    [MemberData(nameof(InvalidFields), MemberType = typeof(RegistrationTests))]
    public async Task Invalid_field_is_reshown_as_typed_with_a_message_beside_it_in_the_visitors_language(
        string culture, string field, string value, string messageKey)
    {
        var citizen = Citizen.New();
        var fields = citizen.RegistrationFields();
        fields[field] = value;
        var client = NewClient();
        var usersBefore = await CountUsersAsync();

        // ?culture=en on the form page sets the language cookie; the post then relies on the cookie.
        var page = await PostRegistrationExpectingFormAsync(client, fields, culture == "en" ? RegisterUrl + "?culture=en" : RegisterUrl);

        var expected = T.In(culture, messageKey, 15); // 15: the minimum length, for Password.TooShort
        Assert.Equal(culture, page.Language);
        Assert.Equal(expected, page.FieldError(field));
        Assert.Contains(expected, page.ErrorSummary);
        Assert.NotEqual(T.In(culture == "en" ? "id" : "en", messageKey, 15), expected); // really the other language
        Assert.Equal("true", page.Document.GetElementById(field)?.GetAttribute("aria-invalid"));

        // Everything typed comes back, except the passwords.
        foreach (var name in new[] { "FullName", "Email", "PhoneNumber", "Nik" })
            Assert.Equal(fields[name], page.FieldValue(name));
        Assert.Equal(field == "KelurahanCode" ? null : fields["KelurahanCode"], page.FieldValue("KelurahanCode")); // a forged code matches no option
        Assert.Empty(page.FieldValue("Password") ?? "");
        Assert.Empty(page.FieldValue("ConfirmPassword") ?? "");

        Assert.Equal(usersBefore, await CountUsersAsync());
        Assert.Null(await FindUserAsync(citizen.Email));
        Assert.Equal(0, await Mail.CountToAsync(citizen.Email));
    }

    [PortalTheory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Empty_form_gets_a_message_beside_every_field_and_saves_nothing(string culture)
    {
        var client = NewClient();
        var usersBefore = await CountUsersAsync();
        var empty = new Dictionary<string, string?>
        {
            ["FullName"] = "", ["Email"] = "", ["PhoneNumber"] = "", ["Nik"] = "", ["KelurahanCode"] = "",
            ["Password"] = "", ["ConfirmPassword"] = "", ["AcceptPrivacy"] = "false",
        };

        var page = await PostRegistrationExpectingFormAsync(client, empty, RegisterUrl + "?culture=" + culture);

        Assert.Equal(T.In(culture, "Validation.RequiredNamed", T.In(culture, "Register.FullName")), page.FieldError("FullName"));
        Assert.Equal(T.In(culture, "Validation.RequiredNamed", T.In(culture, "Register.Email")), page.FieldError("Email"));
        Assert.Equal(T.In(culture, "Validation.RequiredNamed", T.In(culture, "Register.Phone")), page.FieldError("PhoneNumber"));
        Assert.Equal(T.In(culture, "Nik.Empty"), page.FieldError("Nik"));
        Assert.Equal(T.In(culture, "Register.KelurahanRequired"), page.FieldError("KelurahanCode"));
        Assert.Equal(T.In(culture, "Validation.RequiredNamed", T.In(culture, "Register.Password")), page.FieldError("Password"));
        Assert.Equal(T.In(culture, "Register.PrivacyRequired"), page.FieldError("AcceptPrivacy"));
        Assert.Equal(7, page.ErrorSummary.Count);
        Assert.Equal(usersBefore, await CountUsersAsync());
    }

    [PortalFact]
    public async Task Markup_typed_into_the_name_is_shown_back_escaped_never_run()
    {
        const string name = "<script>alert('xss')</script><b>Andi</b>";
        var citizen = Citizen.New();
        var fields = citizen.RegistrationFields();
        fields["FullName"] = name;

        var page = await PostRegistrationExpectingFormAsync(NewClient(), fields);

        Assert.Equal(T.Id("Register.NameInvalid"), page.FieldError("FullName"));
        Assert.Equal(name, page.FieldValue("FullName")); // shown as text in the field
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Andi</b>", page.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page.Html, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("main script, main b"));
        Assert.Null(await FindUserAsync(citizen.Email));
    }

    /// <summary>Posts the registration form and asserts it comes back (200, not a redirect).</summary>
    private static async Task<HtmlPage> PostRegistrationExpectingFormAsync(PortalClient client, IReadOnlyDictionary<string, string?> fields, string pageUrl = RegisterUrl)
    {
        var page = await PortalClient.ReadPageAsync(await PostRegistrationAsync(client, fields, pageUrl), HttpStatusCode.OK);
        Assert.True(page.Has("form[action='/akun/daftar']"), "The registration form should be shown again.");
        return page;
    }
}

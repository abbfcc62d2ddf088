using Palopo.Portal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Web.Tests.Support;

/// <summary>
/// Base of every HTTP test class: the running portal of its database, fresh visitors, and the
/// journeys many tests start with (register, confirm, sign in, sign out), each asserting its redirects.
/// </summary>
public abstract class PortalTests(PortalFixture portal) : IDisposable
{
    public const string RegisterUrl = "/akun/daftar";
    public const string LoginUrl = "/akun/masuk";
    public const string AccountUrl = "/akun";

    private readonly List<PortalClient> _clients = [];
    private Texts? _texts;

    protected PortalAppFactory App => portal.App;

    protected Mailbox Mail => App.Mailbox;

    /// <summary>The portal's interface texts in Indonesian (Id) or English (En).</summary>
    protected Texts T => _texts ??= new Texts(App.Services);

    /// <summary>A new visitor with an empty cookie jar.</summary>
    protected PortalClient NewClient()
    {
        var client = App.CreatePortalClient();
        _clients.Add(client);
        return client;
    }

    // ---------- journeys ----------

    /// <summary>GETs the registration form and posts it with <paramref name="fields"/>.</summary>
    protected static Task<HttpResponseMessage> PostRegistrationAsync(PortalClient client, IReadOnlyDictionary<string, string?> fields, string pageUrl = RegisterUrl) =>
        client.SubmitFormAsync(pageUrl, fields, action: RegisterUrl);

    /// <summary>Registers <paramref name="citizen"/>; asserts the "check your e-mail" page; returns the confirmation mail.</summary>
    protected async Task<ReceivedMail> RegisterAsync(PortalClient client, Citizen citizen)
    {
        var done = await client.FollowAsync(await PostRegistrationAsync(client, citizen.RegistrationFields()), "/akun/daftar/terkirim");
        Assert.Equal(T.Id("Register.DoneTitle"), done.Heading);
        return await Mail.LatestToAsync(citizen.Email);
    }

    /// <summary>Opens the confirmation link of <paramref name="mail"/> and asserts the account is active.</summary>
    protected async Task ConfirmAsync(PortalClient client, ReceivedMail mail)
    {
        var confirmed = await client.GetPageAsync(mail.Link("/akun/konfirmasi"));
        Assert.Equal(T.Id("Confirm.SuccessTitle"), confirmed.Heading);
    }

    /// <summary>A new citizen with a confirmed e-mail, not signed in anywhere.</summary>
    protected async Task<Citizen> RegisterConfirmedCitizenAsync()
    {
        var citizen = Citizen.New();
        var client = NewClient();
        await ConfirmAsync(client, await RegisterAsync(client, citizen));
        return citizen;
    }

    protected static Task<HttpResponseMessage> PostLoginAsync(PortalClient client, string email, string password, string pageUrl = LoginUrl) =>
        client.SubmitFormAsync(pageUrl, new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password }, action: LoginUrl);

    /// <summary>Signs in with e-mail and password only (no two-factor); asserts the redirect home.</summary>
    protected static async Task SignInAsync(PortalClient client, string email, string password)
    {
        using var response = await PostLoginAsync(client, email, password);
        Redirects.AssertRedirect(response, "/");
    }

    /// <summary>Signs in and answers the authenticator step with a code computed from <paramref name="base32Key"/>.</summary>
    protected static async Task SignInWithAuthenticatorAsync(PortalClient client, string email, string password, string base32Key)
    {
        var step = await client.FollowAsync(await PostLoginAsync(client, email, password), "/akun/masuk/2fa");
        using var response = await client.SubmitAsync(step, "/akun/masuk/2fa", new Dictionary<string, string?> { ["Code"] = Totp.Code(base32Key) });
        Redirects.AssertRedirect(response, "/");
    }

    /// <summary>Uses the sign-out button of the layout; asserts the redirect home.</summary>
    protected static async Task SignOutAsync(PortalClient client)
    {
        var page = await client.GetPageAsync(AccountUrl);
        using var response = await client.SubmitAsync(page, "/akun/keluar");
        Redirects.AssertRedirect(response, "/");
    }

    /// <summary>Asserts that <paramref name="client"/> is not signed in: the account page sends it to sign in.</summary>
    protected static async Task AssertSignedOutAsync(PortalClient client)
    {
        using var response = await client.GetAsync(AccountUrl);
        Redirects.AssertRedirect(response, "/akun/masuk?kembali=%2Fakun");
    }

    /// <summary>Asserts that <paramref name="client"/> is signed in as <paramref name="email"/>: its account page shows it.</summary>
    protected static async Task<HtmlPage> AssertSignedInAsync(PortalClient client, string email)
    {
        var page = await client.GetPageAsync(AccountUrl);
        Assert.Contains(email, page.MainText, StringComparison.Ordinal);
        return page;
    }

    // ---------- database ----------

    protected async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    protected Task<PortalUser?> FindUserAsync(string email) =>
        InScopeAsync(sp => sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email));

    protected Task<int> CountUsersAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Users.CountAsync());

    public void Dispose()
    {
        foreach (var client in _clients)
            client.Dispose();
        GC.SuppressFinalize(this);
    }
}

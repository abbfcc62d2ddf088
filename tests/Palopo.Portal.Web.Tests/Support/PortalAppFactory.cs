using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Testing;

namespace Palopo.Portal.Web.Tests.Support;

/// <summary>
/// The whole portal, in process, on one database: a SQLite file in a temporary data folder, or a
/// fresh PostgreSQL database. Development environment (so the dev mail viewer answers), demo
/// accounts on, e-mail written as .eml files to <c>&lt;data&gt;/mail</c>, logs to <c>&lt;data&gt;/logs</c>.
/// Create one per database per test run (see <see cref="PortalFixture"/>): Serilog and the
/// migrations make a factory costly to start.
/// </summary>
public sealed class PortalAppFactory : WebApplicationFactory<Program>
{
    /// <summary>A fixed 32-byte key, base64: the tests need a valid blind-index key, not a secret one.</summary>
    public const string BlindIndexKey = "cGFsb3BvLXBvcnRhbC13ZWItdGVzdHMtYmxpbmQta2V5";

    /// <summary>A fixed 32-byte key for signing issued documents (HMAC-SHA256), base64.</summary>
    public const string DocumentSigningKey = "cGFsb3BvLXBvcnRhbC13ZWItdGVzdHMtZG9jdW1lbnQta2V5IQ==";

    /// <summary>Two hosts built at once would race in the minimal-hosting entry-point interception.</summary>
    internal static readonly SemaphoreSlim StartLock = new(1, 1);

    private readonly TemporaryDirectory _data = new();
    private readonly PostgresTestDatabase? _postgres;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    static PortalAppFactory()
    {
        // The portal logs to the console as well as to <data>/logs. In the test host that console is the
        // test runner's own output (redirected by scripts/test.sh), which thousands of request lines would
        // bury or garble; the log files keep everything, and PersonalDataTests read them.
        Console.SetOut(TextWriter.Null);
    }

    private PortalAppFactory(DatabaseProvider provider, PostgresTestDatabase? postgres, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Provider = provider;
        _postgres = postgres;
        _settings = settings ?? new Dictionary<string, string?>();
        Mailbox = new Mailbox(MailDirectory);
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The portal's data folder (Storage:DataPath): SQLite file, mail pickup folder, logs.</summary>
    public string DataPath => _data.Path;

    public string MailDirectory => Path.Combine(DataPath, "mail");

    public string LogsDirectory => Path.Combine(DataPath, "logs");

    /// <summary>The e-mails the portal has "sent" (the Development pickup folder).</summary>
    public Mailbox Mailbox { get; }

    /// <param name="settings">Extra host settings laid over the defaults below (e.g. low rate limits for the tests of them).</param>
    public static PortalAppFactory ForSqlite(IReadOnlyDictionary<string, string?>? settings = null) => new(DatabaseProvider.Sqlite, null, settings);

    public static async Task<PortalAppFactory> ForPostgreSqlAsync() =>
        new(DatabaseProvider.PostgreSql, await PostgresTestDatabase.CreateAsync());

    /// <summary>Builds and starts the host: migrations, seed data and demo accounts are in place afterwards.</summary>
    public async Task StartAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            _ = Services; // starts the server
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>A browser-like client: its own cookies, no automatic redirects.</summary>
    public PortalClient CreatePortalClient()
    {
        var cookies = new CookieContainer();
        var http = CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        return new PortalClient(http, cookies);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Development);

        // Host settings reach the app's entry point as command-line arguments, so they win over
        // appsettings*.json, user secrets and the environment.
        builder.UseSetting("Storage:DataPath", DataPath);
        builder.UseSetting("Email:Delivery", "PickupFolder");
        builder.UseSetting("Email:PickupDirectory", "mail");
        builder.UseSetting("Portal:PublicBaseUrl", "");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _postgres?.ConnectionString ?? ""); // SQLite: <data>/palopo.db
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Database:SeedOnStart", "true");
        builder.UseSetting("PersonalData:BlindIndexKey", BlindIndexKey);
        builder.UseSetting("Documents:SigningKey", DocumentSigningKey);
        builder.UseSetting("DemoAccounts:Enabled", "true");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");

        // Every test runs from the same "IP" (TestServer has none): limits high enough never to be met,
        // except in the rate-limit tests, which start their own portal with low ones.
        foreach (var policy in Palopo.Portal.Web.Framework.RateLimitSettings.PolicyNames)
            builder.UseSetting($"{Palopo.Portal.Web.Framework.RateLimitSettings.Section}:{policy}:PermitLimit", "1000000");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);

        builder.ConfigureTestServices(services =>
            // The app checks the security stamp once a minute; the tests check it on every request,
            // so "other sessions end when the password changes" is observable without waiting, and
            // any stamp change the app forgets to re-issue the cookie for shows up at once.
            services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await _postgres.DisposeAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools(); // pooled connections keep the file open
        }

        _data.Dispose();
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Palopo.Portal.Application;
using Palopo.Portal.Infrastructure;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Testing;

namespace Palopo.Portal.Application.Tests.Support;

/// <summary>
/// An empty real database (a SQLite file or a fresh PostgreSQL database) with the portal's
/// infrastructure wired to it exactly as the app does: <c>AddInfrastructure(configuration)</c>.
/// </summary>
internal sealed class PortalTestDatabase : IAsyncDisposable
{
    /// <summary>A fixed 32-byte key, base64: tests need a valid one, not a secret one.</summary>
    public const string BlindIndexKey = "cGFsb3BvLXBvcnRhbC10ZXN0LWJsaW5kLWluZGV4LWs=";

    private readonly TemporaryDirectory _dataDirectory;
    private readonly PostgresTestDatabase? _postgres;

    private PortalTestDatabase(
        DatabaseProvider provider, string connectionString, TemporaryDirectory dataDirectory, PostgresTestDatabase? postgres,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _dataDirectory = dataDirectory;
        _postgres = postgres;
        Services = BuildServices(provider, connectionString, dataDirectory.Path, settings);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public ServiceProvider Services { get; }

    /// <summary>An empty SQLite file in a temporary folder.</summary>
    /// <param name="settings">Settings laid over the defaults below.</param>
    public static Task<PortalTestDatabase> CreateSqliteAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = new TemporaryDirectory();
        // No pooling: every connection really closes, so the file can be deleted afterwards.
        var connectionString = $"Data Source={directory.Combine("palopo.db")};Pooling=False";
        return Task.FromResult(new PortalTestDatabase(DatabaseProvider.Sqlite, connectionString, directory, null, settings));
    }

    /// <summary>An empty, uniquely named database on the server from PALOPO_TEST_POSTGRES.</summary>
    public static async Task<PortalTestDatabase> CreatePostgresAsync()
    {
        var postgres = await PostgresTestDatabase.CreateAsync();
        return new PortalTestDatabase(DatabaseProvider.PostgreSql, postgres.ConnectionString, new TemporaryDirectory(), postgres);
    }

    /// <summary>Runs <paramref name="action"/> in a fresh DI scope (a fresh DbContext), as one web request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> action) =>
        InScopeAsync(async sp =>
        {
            await action(sp);
            return true;
        });

    /// <summary>Applies the migrations and seeds reference data, as the app does at start.</summary>
    public Task InitializeAsync() =>
        Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await _postgres.DisposeAsync();
        }

        _dataDirectory.Dispose();
    }

    private static ServiceProvider BuildServices(
        DatabaseProvider provider, string connectionString, string dataPath, IReadOnlyDictionary<string, string?>? settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // As in Development: the suites catch a context used by two operations at once.
                ["Database:ThreadSafetyChecks"] = "true",
                ["Database:Provider"] = provider.ToString(),
                ["Database:ConnectionString"] = connectionString,
                ["Database:MigrateOnStart"] = "true",
                ["Database:SeedOnStart"] = "true",
                ["PersonalData:BlindIndexKey"] = BlindIndexKey,
                ["Documents:SigningKey"] = "cGFsb3BvLXBvcnRhbC10ZXN0LWRvY3VtZW50LXNpZ25pbmcta2V5",
                ["Storage:DataPath"] = dataPath,
                ["DemoAccounts:Enabled"] = "false",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(dataPath));
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Palopo.Portal.Application.Tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

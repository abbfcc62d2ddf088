using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Testing;

namespace Palopo.Portal.Operations.Tests.Support;

/// <summary>
/// A database for portal processes plus a data folder: a SQLite file in the folder, or a fresh
/// PostgreSQL database. <see cref="Open"/> gives a context for checking what the processes left.
/// </summary>
public sealed class PortalDatabase : IAsyncDisposable
{
    private readonly PostgresTestDatabase? _postgres;
    private readonly TemporaryDirectory _data = new();

    private PortalDatabase(DatabaseProvider provider, PostgresTestDatabase? postgres)
    {
        Provider = provider;
        _postgres = postgres;
        // Npgsql's default pool (100) per node exceeds what a default server (max_connections 100,
        // 3 reserved) can give: under 500 concurrent requests the overflow fails with "too many clients".
        // Production sizes it the same way (docs/operations.md, several nodes).
        ConnectionString = postgres is not null
            ? new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString) { MaxPoolSize = 40 }.ConnectionString
            : DatabaseConfigurator.SqliteConnectionString(DataPath);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string DataPath => _data.Path;

    public string FilesPath => Path.Combine(DataPath, "files");

    public static async Task<PortalDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSql
            ? new PortalDatabase(provider, await PostgresTestDatabase.CreateAsync())
            : new PortalDatabase(provider, null);

    /// <summary>Settings for a process on this database; a different <paramref name="dataPath"/> for a second node.</summary>
    public Dictionary<string, string?> Settings(string? dataPath = null)
    {
        var settings = PortalProcess.BaseSettings(Provider, Provider == DatabaseProvider.Sqlite ? "" : ConnectionString, dataPath ?? DataPath);
        settings["Storage:FilesPath"] = FilesPath; // shared by every node
        return settings;
    }

    public PortalDbContext Open()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseConfigurator.Configure(options, Provider, ConnectionString);
        return new PortalDbContext(options.Options);
    }

    /// <summary>Stored names of every file in the shared files folder (".partial" leftovers included).</summary>
    public List<string> StoredFiles() =>
        Directory.Exists(FilesPath)
            ? [.. Directory.EnumerateFiles(FilesPath, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(FilesPath, p).Replace('\\', '/'))]
            : [];

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await _postgres.DisposeAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        _data.Dispose();
    }
}

using System.Globalization;
using Npgsql;

namespace Palopo.Portal.Testing;

/// <summary>
/// A uniquely named, empty database on the server named by PALOPO_TEST_POSTGRES, dropped on dispose.
/// <code>await using var database = await PostgresTestDatabase.CreateAsync();</code>
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;
    private bool _disposed;

    private PostgresTestDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name, e.g. "palopo_test_20261128_4f0c…".</summary>
    public string Name { get; }

    /// <summary>Connection string of the new database (server settings from PALOPO_TEST_POSTGRES).</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync(CancellationToken ct = default)
    {
        var server = TestEnvironment.RequirePostgresConnectionString();
        var name = string.Create(CultureInfo.InvariantCulture, $"palopo_test_{DateTime.UtcNow:yyyyMMdd}_{Guid.NewGuid():N}");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true };

        await ExecuteAsync(server, $"CREATE DATABASE {Quote(name)}", ct);
        return new PostgresTestDatabase(server, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;

        // Pooled connections to the database would keep it open; FORCE (PostgreSQL 13+) ends any stragglers.
        using (var connection = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(connection);
        await ExecuteAsync(_serverConnectionString, $"DROP DATABASE IF EXISTS {Quote(Name)} WITH (FORCE)", CancellationToken.None);
    }

    public override string ToString() => Name;

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

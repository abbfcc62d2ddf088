using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Palopo.Portal.Infrastructure.Persistence.Sqlite;

namespace Palopo.Portal.Infrastructure.Persistence;

/// <summary>Applies the chosen provider, its connection string and its migrations assembly to a context.</summary>
public static class DatabaseConfigurator
{
    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Palopo.Portal.Migrations.Sqlite",
        DatabaseProvider.PostgreSql => "Palopo.Portal.Migrations.PostgreSql",
        DatabaseProvider.SqlServer => "Palopo.Portal.Migrations.SqlServer",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public static string SqliteConnectionString(string dataPath) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataPath, "palopo.db"),
            Cache = SqliteCacheMode.Default,
            DefaultTimeout = 30,
        }.ToString();

    public static DbContextOptionsBuilder Configure(
        DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, int commandTimeoutSeconds = 30)
    {
        var assembly = MigrationsAssembly(provider);
        options.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, PortalModelCacheKeyFactory>();
        return provider switch
        {
            DatabaseProvider.Sqlite => UseSqlite(options, connectionString, assembly, commandTimeoutSeconds),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, o =>
                o.MigrationsAssembly(assembly).CommandTimeout(commandTimeoutSeconds)),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, o =>
                o.MigrationsAssembly(assembly).CommandTimeout(commandTimeoutSeconds)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    /// <summary>
    /// SQLite with its connection kept open while the context is pooled and its statements kept
    /// prepared on that connection (ADR 0016).
    /// </summary>
    private static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString, string assembly, int commandTimeoutSeconds)
    {
#pragma warning disable EF1001 // Provider-internal service, replaced on purpose (ADR 0016).
        options.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();
#pragma warning restore EF1001
        options.AddInterceptors(SqliteStatementCacheInterceptor.Instance);
        return options.UseSqlite(connectionString, o => o.MigrationsAssembly(assembly).CommandTimeout(commandTimeoutSeconds));
    }
}

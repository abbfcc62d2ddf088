using System.Runtime.CompilerServices;
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
        // One method per provider: the JIT loads the assemblies a method names when it compiles it,
        // so a node on SQLite never loads Npgsql's or SQL Server's EF provider.
        return provider switch
        {
            DatabaseProvider.Sqlite => UseSqlite(options, connectionString, assembly, commandTimeoutSeconds),
            DatabaseProvider.PostgreSql => UsePostgreSql(options, connectionString, assembly, commandTimeoutSeconds),
            DatabaseProvider.SqlServer => UseSqlServer(options, connectionString, assembly, commandTimeoutSeconds),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbContextOptionsBuilder UsePostgreSql(DbContextOptionsBuilder options, string connectionString, string assembly, int commandTimeoutSeconds) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(assembly).CommandTimeout(commandTimeoutSeconds));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbContextOptionsBuilder UseSqlServer(DbContextOptionsBuilder options, string connectionString, string assembly, int commandTimeoutSeconds) =>
        options.UseSqlServer(connectionString, o => o.MigrationsAssembly(assembly).CommandTimeout(commandTimeoutSeconds));

    /// <summary>
    /// SQLite with its connection kept open while the context is pooled and its statements kept
    /// prepared on that connection (ADR 0016).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString, string assembly, int commandTimeoutSeconds)
    {
#pragma warning disable EF1001 // Provider-internal service, replaced on purpose (ADR 0016).
        options.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();
#pragma warning restore EF1001
        options.AddInterceptors(SqliteStatementCacheInterceptor.Instance);
        return options.UseSqlite(connectionString, o => o.MigrationsAssembly(assembly).CommandTimeout(commandTimeoutSeconds));
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Tests.Support;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Infrastructure.Persistence.Sqlite;

namespace Palopo.Portal.Application.Tests.Persistence;

/// <summary>
/// On SQLite a pooled context keeps its connection open and its statements prepared (ADR 0016):
/// the same SQL is compiled once per connection, and nothing about results, errors or transactions changes.
/// </summary>
public sealed class SqliteStatementCacheTests : IAsyncLifetime
{
    private PortalTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await PortalTestDatabase.CreateSqliteAsync();
        await _database.InitializeAsync();
        await InContextAsync(db => db.Database.ExecuteSqlRawAsync("CREATE TABLE StatementCacheProbe (K INTEGER PRIMARY KEY, V TEXT NOT NULL)"));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_same_query_is_compiled_once_and_keeps_giving_fresh_results()
    {
        await InContextAsync(async db =>
        {
            var cache = CacheOf(db);
            var names = await KelurahanOf(db, "73.73.01");
            var compiledAfterFirst = cache.Compiled;

            for (var i = 0; i < 5; i++)
                Assert.Equal(names, await KelurahanOf(db, "73.73.01"));
            var other = await KelurahanOf(db, "73.73.02");

            Assert.Equal(compiledAfterFirst, cache.Compiled);
            Assert.NotEmpty(names);
            Assert.NotEmpty(other);
            Assert.Empty(names.Intersect(other));
        });
    }

    [Fact]
    public async Task Pooled_contexts_come_back_with_their_connection_open_and_their_statements_prepared()
    {
        var seen = new Dictionary<System.Data.Common.DbConnection, int>();
        for (var i = 0; i < 12; i++)
        {
            await InContextAsync(async db =>
            {
                var connection = db.Database.GetDbConnection();
                var cache = CacheOf(db);
                if (seen.ContainsKey(connection))
                    Assert.Equal(System.Data.ConnectionState.Open, connection.State);
                var before = cache.Compiled;
                Assert.NotEmpty(await KelurahanOf(db, "73.73.03"));
                // Compiled on a connection's first run only, however many requests it serves.
                Assert.Equal(seen.ContainsKey(connection) ? before : before + 1, cache.Compiled);
                seen[connection] = seen.GetValueOrDefault(connection) + 1;
            });
        }

        Assert.True(seen.Count < 12, $"the pool gave {seen.Count} different connections to 12 requests one after another");
    }

    [Fact]
    public async Task A_statement_that_failed_is_not_reused_and_the_same_SQL_works_afterwards()
    {
        await InContextAsync(async db =>
        {
            await Insert(db, 1, "satu");
            var duplicate = await Assert.ThrowsAsync<SqliteException>(() => Insert(db, 1, "lagi"));
            Assert.Equal(19, duplicate.SqliteErrorCode); // SQLITE_CONSTRAINT
            await Insert(db, 2, "dua");

            Assert.Equal(["satu", "dua"], await Values(db));
        });
    }

    [Fact]
    public async Task A_prepared_statement_used_in_a_rolled_back_transaction_works_outside_it()
    {
        await InContextAsync(async db =>
        {
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await Insert(db, 10, "batal");
                Assert.Equal(["batal"], await Values(db));
                await transaction.RollbackAsync();
            }

            Assert.Empty(await Values(db));
            await Insert(db, 11, "jadi");
            Assert.Equal(["jadi"], await Values(db));
        });
    }

    [Fact]
    public async Task The_same_SQL_while_its_reader_is_still_open_gets_a_second_command()
    {
        await InContextAsync(async db =>
        {
            await Insert(db, 1, "a");
            await Insert(db, 2, "b");
            var pairs = new List<(string, string)>();
            await foreach (var outer in Probe(db).AsAsyncEnumerable())
            {
                foreach (var inner in await Probe(db).ToListAsync())
                    pairs.Add((outer, inner));
            }

            Assert.Equal([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")], pairs);
        });
    }

    [Fact]
    public async Task Closing_the_kept_connections_at_stop_leaves_the_pool_usable()
    {
        var (connection, connectionString) = await InContextAsync(async db =>
        {
            await KelurahanOf(db, "73.73.01");
            return (db.Database.GetDbConnection(), db.Database.GetConnectionString()!);
        });

        Assert.True(KeptOpenSqliteConnection.CloseAll(connectionString) >= 1);

        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        Assert.Equal(0, SqliteStatementCache.For((SqliteConnection)connection).IdleCount);
        // A context used after that opens its connection again.
        for (var i = 0; i < 3; i++)
            Assert.NotEmpty(await InContextAsync(db => KelurahanOf(db, "73.73.01")));
    }

    private Task<T> InContextAsync<T>(Func<PortalDbContext, Task<T>> action) =>
        _database.InScopeAsync(sp => action(sp.GetRequiredService<PortalDbContext>()));

    private Task InContextAsync(Func<PortalDbContext, Task> action) =>
        _database.InScopeAsync(sp => action(sp.GetRequiredService<PortalDbContext>()));

    private static SqliteStatementCache CacheOf(PortalDbContext db) =>
        SqliteStatementCache.For((SqliteConnection)db.Database.GetDbConnection());

    private static Task<List<string>> KelurahanOf(PortalDbContext db, string kecamatanCode) =>
        db.Kelurahan.AsNoTracking()
            .Where(k => k.KecamatanCode == kecamatanCode)
            .OrderBy(k => k.Name)
            .Select(k => k.Name)
            .ToListAsync();

    private static Task Insert(PortalDbContext db, int key, string value) =>
        db.Database.ExecuteSqlRawAsync("INSERT INTO StatementCacheProbe (K, V) VALUES ({0}, {1})", key, value);

    private static IQueryable<string> Probe(PortalDbContext db) =>
        db.Database.SqlQueryRaw<string>("SELECT V AS Value FROM StatementCacheProbe ORDER BY K");

    private static Task<List<string>> Values(PortalDbContext db) => Probe(db).ToListAsync();
}

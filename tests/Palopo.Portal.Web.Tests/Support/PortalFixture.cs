using Palopo.Portal.Testing;

namespace Palopo.Portal.Web.Tests.Support;

/// <summary>One running portal shared by every test class of a collection (one per database per run).</summary>
public abstract class PortalFixture : IAsyncLifetime
{
    private PortalAppFactory? _app;

    public PortalAppFactory App =>
        _app ?? throw new InvalidOperationException($"{GetType().Name} has no portal: its tests should have been skipped.");

    public async Task InitializeAsync()
    {
        _app = await CreateAsync();
        if (_app is not null)
            await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    /// <summary>The portal to run, or null when the database is unavailable and its tests are skipped.</summary>
    protected abstract Task<PortalAppFactory?> CreateAsync();
}

public sealed class SqlitePortalFixture : PortalFixture
{
    protected override Task<PortalAppFactory?> CreateAsync() => Task.FromResult<PortalAppFactory?>(PortalAppFactory.ForSqlite());
}

public sealed class PostgreSqlPortalFixture : PortalFixture
{
    // Under CI=true or PALOPO_REQUIRE_ALL=1 the skip reason is null, so a missing server fails loudly here.
    protected override async Task<PortalAppFactory?> CreateAsync() =>
        SkipReasons.Postgres is null ? await PortalAppFactory.ForPostgreSqlAsync() : null;
}

[CollectionDefinition(Name)]
public sealed class SqlitePortalCollection : ICollectionFixture<SqlitePortalFixture>
{
    public const string Name = "Portal on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlPortalCollection : ICollectionFixture<PostgreSqlPortalFixture>
{
    public const string Name = "Portal on PostgreSQL";
}

using Palopo.Portal.Application.Tests.Support;

namespace Palopo.Portal.Application.Tests.Persistence;

/// <summary>The database scenarios on an empty SQLite file (the default provider).</summary>
public sealed class SqliteDatabaseTests
{
    [Fact]
    public Task Migrations_apply_to_an_empty_database_and_the_app_can_write_and_read() =>
        Run(DatabaseScenarios.Migrations_apply_and_the_app_can_write_and_read);

    [Fact]
    public Task Seeding_creates_9_kecamatan_48_kelurahan_5_agencies_and_4_roles() =>
        Run(DatabaseScenarios.Seeding_creates_Palopos_regions_agencies_and_roles);

    [Fact]
    public Task Seeding_keeps_older_spellings_as_aliases() =>
        Run(DatabaseScenarios.Seeding_keeps_older_spellings_as_aliases);

    [Fact]
    public Task Seeding_twice_writes_nothing_the_second_time() =>
        Run(DatabaseScenarios.Seeding_twice_writes_nothing_the_second_time);

    [Fact]
    public Task Two_accounts_with_the_same_NIK_are_refused_by_the_database() =>
        Run(DatabaseScenarios.Two_accounts_with_the_same_NIK_are_refused_by_the_database);

    [Fact]
    public Task Accounts_without_a_NIK_do_not_collide() =>
        Run(DatabaseScenarios.Accounts_without_a_NIK_do_not_collide);

    private static async Task Run(Func<PortalTestDatabase, Task> scenario)
    {
        await using var database = await PortalTestDatabase.CreateSqliteAsync();
        await scenario(database);
    }
}

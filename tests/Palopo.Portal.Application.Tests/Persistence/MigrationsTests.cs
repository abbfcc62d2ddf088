using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Palopo.Portal.Application.Tests.Support;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Application.Tests.Persistence;

/// <summary>Checks on the three migration sets that need no database server.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Model_has_no_changes_missing_from_the_migrations(DatabaseProvider provider)
    {
        using var context = ModelContexts.Create(provider);

        Assert.False(
            context.Database.HasPendingModelChanges(),
            $"The model differs from the {provider} migrations' snapshot: run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public void Every_provider_has_the_same_migrations_in_the_same_order()
    {
        static string[] Names(DatabaseProvider provider)
        {
            using var context = ModelContexts.Create(provider);
            // Ids are "20261128023247_Initial": the timestamps differ per provider, the names must not.
            return context.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]).ToArray();
        }

        var sqlite = Names(DatabaseProvider.Sqlite);

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, Names(DatabaseProvider.PostgreSql));
        Assert.Equal(sqlite, Names(DatabaseProvider.SqlServer));
    }

    [Fact]
    public void SqlServer_idempotent_script_creates_the_tables_and_the_filtered_unique_NIK_index()
    {
        using var context = ModelContexts.Create(DatabaseProvider.SqlServer);

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [AspNetRoles]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Kecamatan]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Kelurahan]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Agencies]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script, StringComparison.Ordinal);
        Assert.Contains(
            "CREATE UNIQUE INDEX [IX_AspNetUsers_NikHash] ON [AspNetUsers] ([NikHash]) WHERE [NikHash] IS NOT NULL",
            script,
            StringComparison.Ordinal);
        // Idempotent: every migration is guarded by a look-up in the history table.
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSql_idempotent_script_creates_the_tables_and_the_unique_NIK_index()
    {
        using var context = ModelContexts.Create(DatabaseProvider.PostgreSql);

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE \"AspNetUsers\"", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE \"Kelurahan\"", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX \"IX_AspNetUsers_NikHash\" ON \"AspNetUsers\" (\"NikHash\")", script, StringComparison.Ordinal);
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Tests.Support;
using Palopo.Portal.Domain.Agencies;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Infrastructure.Persistence.Seed;

namespace Palopo.Portal.Application.Tests.Persistence;

/// <summary>
/// What every supported database must do, written once. <see cref="SqliteDatabaseTests"/> and
/// <see cref="PostgresDatabaseTests"/> run each scenario against a real, empty database.
/// </summary>
internal static class DatabaseScenarios
{
    public static async Task Migrations_apply_and_the_app_can_write_and_read(PortalTestDatabase database)
    {
        await database.InitializeAsync();

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());

            var ward = await db.Kelurahan.AsNoTracking().Include(k => k.Kecamatan).SingleAsync(k => k.Code == "73.73.01.1003");
            Assert.Equal("Ammasangan", ward.Name);
            Assert.Equal("Wara", ward.Kecamatan!.Name);

            db.Agencies.Add(new Agency("dishub", "Dinas Perhubungan", "Transport Agency", "Dishub"));
            await db.SaveChangesAsync();
        });

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == "dishub");
            Assert.Equal("Dinas Perhubungan", agency.Name);
            Assert.Equal("Transport Agency", agency.NameEn);
            Assert.True(agency.IsActive);
        });
    }

    public static async Task Seeding_creates_Palopos_regions_agencies_and_roles(PortalTestDatabase database)
    {
        await MigrateAsync(database);

        var written = await SeedAsync(database);

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            Assert.Equal(9, await db.Kecamatan.CountAsync());
            Assert.Equal(48, await db.Kelurahan.CountAsync());
            Assert.Equal(5, await db.Agencies.CountAsync());
            Assert.Equal(
                Roles.All.Order(StringComparer.Ordinal),
                (await db.Roles.Select(r => r.Name!).ToListAsync()).Order(StringComparer.Ordinal));
            Assert.Equal(
                new[] { "disdukcapil", "dpmptsp", "dinkes", "disdik", "diskominfo" }.Order(StringComparer.Ordinal),
                (await db.Agencies.Select(a => a.Code).ToListAsync()).Order(StringComparer.Ordinal));

            // Every kelurahan sits in its kecamatan: 73.73.01.1003 belongs to 73.73.01.
            var kelurahan = await db.Kelurahan.AsNoTracking().ToListAsync();
            Assert.All(kelurahan, k => Assert.StartsWith(k.KecamatanCode + ".", k.Code, StringComparison.Ordinal));
        });
        Assert.Equal(9 + 48 + 5 + 4, written);
    }

    public static async Task Seeding_keeps_older_spellings_as_aliases(PortalTestDatabase database)
    {
        await MigrateAsync(database);
        await SeedAsync(database);

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var ammasangan = await db.Kelurahan.AsNoTracking().SingleAsync(k => k.Name == "Ammasangan");
            Assert.Equal(["Amasangan"], ammasangan.AliasList);
            Assert.True(ammasangan.Matches("amasangan"));

            var tobulung = await db.Kelurahan.AsNoTracking().SingleAsync(k => k.Name == "To'Bulung");
            Assert.Equal(["Tobulung"], tobulung.AliasList);

            var withAliases = await db.Kelurahan.AsNoTracking().Where(k => k.Aliases != "").CountAsync();
            Assert.Equal(6, withAliases);
        });
    }

    public static async Task Seeding_twice_writes_nothing_the_second_time(PortalTestDatabase database)
    {
        await MigrateAsync(database);
        Assert.True(await SeedAsync(database) > 0);
        var before = await SnapshotAsync(database);

        var written = await SeedAsync(database);

        Assert.Equal(0, written);
        Assert.Equal(before, await SnapshotAsync(database));
    }

    public static async Task Two_accounts_with_the_same_NIK_are_refused_by_the_database(PortalTestDatabase database)
    {
        await database.InitializeAsync();
        const string nikHash = "4f6e1d0b8a2c9e7f3b5d1a0c8e6f4b2d9a7c5e3f1b0d8a6c4e2f0b9d7a5c3e1f";
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            db.Users.Add(Citizen("siti@palopo.test", nikHash));
            await db.SaveChangesAsync();
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            db.Users.Add(Citizen("someone.else@palopo.test", nikHash));
            await db.SaveChangesAsync();
        }));

        // The unique index on NikHash refused it, not some other constraint.
        Assert.Contains("NikHash", error.InnerException?.Message ?? "", StringComparison.Ordinal);
        await database.InScopeAsync(async sp =>
            Assert.Equal(1, await sp.GetRequiredService<PortalDbContext>().Users.CountAsync(u => u.NikHash == nikHash)));
    }

    public static async Task Accounts_without_a_NIK_do_not_collide(PortalTestDatabase database)
    {
        await database.InitializeAsync();

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            db.Users.Add(Citizen("petugas1@palopo.test", nikHash: null));
            db.Users.Add(Citizen("petugas2@palopo.test", nikHash: null));
            await db.SaveChangesAsync();
        });

        await database.InScopeAsync(async sp =>
            Assert.Equal(2, await sp.GetRequiredService<PortalDbContext>().Users.CountAsync(u => u.NikHash == null)));
    }

    private static Task MigrateAsync(PortalTestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Database.MigrateAsync());

    private static Task<int> SeedAsync(PortalTestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None));

    /// <summary>Every seeded row as text, in key order, so two snapshots compare equal only if nothing changed.</summary>
    private static Task<List<string>> SnapshotAsync(PortalTestDatabase database) =>
        database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var rows = new List<string>();
            rows.AddRange((await db.Kecamatan.AsNoTracking().ToListAsync())
                .OrderBy(k => k.Code, StringComparer.Ordinal)
                .Select(k => $"kecamatan {k.Code} {k.Name}"));
            rows.AddRange((await db.Kelurahan.AsNoTracking().ToListAsync())
                .OrderBy(k => k.Code, StringComparer.Ordinal)
                .Select(k => $"kelurahan {k.Code} {k.KecamatanCode} {k.Name} [{k.Aliases}]"));
            rows.AddRange((await db.Agencies.AsNoTracking().ToListAsync())
                .OrderBy(a => a.Code, StringComparer.Ordinal)
                .Select(a => $"agency {a.Id} {a.Code} {a.Name} {a.NameEn} {a.ShortName} {a.IsActive}"));
            rows.AddRange((await db.Roles.AsNoTracking().ToListAsync())
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => $"role {r.Id} {r.Name} {r.NormalizedName} {r.ConcurrencyStamp}"));
            return rows;
        });

    private static PortalUser Citizen(string email, string? nikHash) => new()
    {
        Id = Guid.NewGuid(),
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        FullName = "Warga Palopo",
        NikHash = nikHash,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        CreatedAtUtc = DateTime.UtcNow,
    };
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Domain.Agencies;
using Palopo.Portal.Domain.Regions;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure.Identity;

namespace Palopo.Portal.Infrastructure.Persistence.Seed;

/// <summary>
/// Creates or updates the reference data every installation needs: Palopo's kecamatan and
/// kelurahan, the city's agencies and the roles. Idempotent: a second run writes nothing.
/// </summary>
public sealed class ReferenceDataSeeder(PortalDbContext db, RoleManager<PortalRole> roles, ILogger<ReferenceDataSeeder> logger)
{
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        await SeedRegionsAsync(ct);
        await SeedAgenciesAsync(ct);
        var changes = await db.SaveChangesAsync(ct);
        changes += await SeedRolesAsync();
        if (changes > 0)
            logger.LogInformation("Reference data seeded: {Changes} rows written", changes);
        return changes;
    }

    private async Task SeedRegionsAsync(CancellationToken ct)
    {
        var file = EmbeddedSeedData.Read<WilayahFile>("palopo-wilayah.json");
        var kecamatan = await db.Kecamatan.ToDictionaryAsync(k => k.Code, ct);
        var kelurahan = await db.Kelurahan.ToDictionaryAsync(k => k.Code, ct);

        foreach (var kec in file.Kecamatan)
        {
            if (kecamatan.TryGetValue(kec.Kode, out var existing))
                existing.Rename(kec.Nama);
            else
                db.Kecamatan.Add(new Kecamatan(kec.Kode, kec.Nama));

            foreach (var kel in kec.Kelurahan)
            {
                if (kelurahan.TryGetValue(kel.Kode, out var existingKel))
                    existingKel.Update(kel.Nama, kel.Aliases ?? []);
                else
                    db.Kelurahan.Add(new Kelurahan(kel.Kode, kel.Nama, kec.Kode, kel.Aliases));
            }
        }
    }

    private async Task SeedAgenciesAsync(CancellationToken ct)
    {
        var seeds = EmbeddedSeedData.Read<AgencySeed[]>("agencies.json");
        var existing = await db.Agencies.ToDictionaryAsync(a => a.Code, ct);
        foreach (var seed in seeds)
        {
            if (existing.TryGetValue(seed.Code, out var agency))
                agency.Rename(seed.Name, seed.NameEn, seed.ShortName);
            else
                db.Agencies.Add(new Agency(seed.Code, seed.Name, seed.NameEn, seed.ShortName));
        }
    }

    private async Task<int> SeedRolesAsync()
    {
        var created = 0;
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role))
                continue;
            var result = await roles.CreateAsync(new PortalRole(role));
            if (!result.Succeeded)
                throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            created++;
        }

        return created;
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Palopo.Portal.Application.Documents;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Documents;

/// <summary>Per-agency, per-year counter behind document numbers (DISDUKCAPIL/2026/000012).</summary>
public sealed class DocumentCounter
{
    public string AgencyCode { get; set; } = "";

    public int Year { get; set; }

    public int LastNumber { get; set; }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> builder)
    {
        builder.HasKey(c => new { c.AgencyCode, c.Year });
        builder.Property(c => c.AgencyCode).HasMaxLength(40);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}

/// <summary>
/// The same pattern as request reference numbers (see ReferenceNumberGenerator): a single
/// UPDATE … SET LastNumber = LastNumber + 1 inside the issuing transaction takes the row's write lock,
/// so concurrent issues queue for it, and a rolled-back issue gives its number back.
/// </summary>
internal sealed class DocumentNumberGenerator(PortalDbContext db) : IDocumentNumberGenerator
{
    public async Task EnsureCounterAsync(string agencyCode, int year, CancellationToken ct)
    {
        var key = Key(agencyCode);
        if (await db.Set<DocumentCounter>().AnyAsync(c => c.AgencyCode == key && c.Year == year, ct))
            return;
        var counter = new DocumentCounter { AgencyCode = key, Year = year };
        db.Set<DocumentCounter>().Add(counter);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another issue created it first: fine.
        }
        finally
        {
            db.Entry(counter).State = EntityState.Detached;
        }
    }

    public async Task<string> NextAsync(string agencyCode, int year, CancellationToken ct)
    {
        var key = Key(agencyCode);
        var updated = await db.Set<DocumentCounter>()
            .Where(c => c.AgencyCode == key && c.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), ct);
        if (updated != 1)
            throw new InvalidOperationException($"No document counter for {key}/{year}; call EnsureCounterAsync first.");
        var number = await db.Set<DocumentCounter>().AsNoTracking()
            .Where(c => c.AgencyCode == key && c.Year == year).Select(c => c.LastNumber).SingleAsync(ct);
        return string.Create(CultureInfo.InvariantCulture, $"{key}/{year:D4}/{number:D6}");
    }

    private static string Key(string agencyCode) => agencyCode.Trim().ToUpperInvariant();
}

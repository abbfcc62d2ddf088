using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Domain.Calendar;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Infrastructure.Persistence.Configurations;

namespace Palopo.Portal.Infrastructure.Persistence.Seed;

/// <summary>
/// Seeds the service catalogue (services.json) and the holiday calendar (holidays.json).
/// A service that already exists is left alone: once live, admins own it. Idempotent.
/// </summary>
public sealed class ServiceCatalogSeeder(PortalDbContext db, TimeProvider clock, ILogger<ServiceCatalogSeeder> logger)
{
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var existing = (await db.Services.Select(s => s.Slug).ToListAsync(ct)).ToHashSet();

        foreach (var seed in Read<ServiceSeed[]>("services.json"))
        {
            if (existing.Contains(seed.Slug))
                continue;
            if (!agencies.TryGetValue(seed.Agency, out var agencyId))
                throw new InvalidOperationException($"Seed service {seed.Slug} names unknown agency {seed.Agency}.");

            var service = new Service(seed.Slug, agencyId, seed.Name, seed.LifeEvent, seed.ServiceDays, seed.Workflow);
            service.Describe(seed.Name, seed.Summary, seed.Description, seed.Eligibility, seed.Requirements);
            service.SetFee(seed.Fee);
            service.SetServiceTime(seed.ServiceDays, seed.ServiceDaysIsDefault);
            service.SetOptions(seed.LifeEvent, seed.AllowsNonPalopoApplicants, seed.SortOrder);
            db.Services.Add(service);
            db.ServiceFormVersions.Add(service.PublishForm(seed.Form, now));
        }

        // A year is seeded once, while it has no holidays at all: after that the admins keep it
        // (/admin/hari-libur), and a day they removed must not come back at the next start.
        var keptYears = (await db.Holidays.Select(h => h.Date).ToListAsync(ct)).Select(d => d.Year).ToHashSet();
        foreach (var seed in Read<HolidaySeed[]>("holidays.json"))
        {
            if (!keptYears.Contains(seed.Date.Year))
                db.Holidays.Add(new Holiday(seed.Date, seed.Name, seed.Kind));
        }

        var changes = await db.SaveChangesAsync(ct);
        if (changes > 0)
            logger.LogInformation("Service catalogue and holidays seeded: {Changes} rows written", changes);
        return changes;
    }

    private static T Read<T>(string fileName)
    {
        var assembly = typeof(ServiceCatalogSeeder).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<T>(stream, JsonColumn.Options)
            ?? throw new InvalidOperationException($"Seed file {fileName} is empty.");
    }

    /// <summary>One service in services.json. Service times marked as defaults are the city's configurable defaults, not law.</summary>
    internal sealed record ServiceSeed(
        string Slug,
        string Agency,
        LifeEvent LifeEvent,
        LocalizedText Name,
        LocalizedText Summary,
        LocalizedText Description,
        LocalizedText Eligibility,
        LocalizedText Requirements,
        decimal Fee,
        int ServiceDays,
        bool ServiceDaysIsDefault,
        bool AllowsNonPalopoApplicants,
        int SortOrder,
        IReadOnlyList<WorkflowStep> Workflow,
        FormDefinition Form);

    internal sealed record HolidaySeed(DateOnly Date, LocalizedText Name, HolidayKind Kind);
}

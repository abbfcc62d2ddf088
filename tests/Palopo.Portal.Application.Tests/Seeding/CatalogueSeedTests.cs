using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Tests.Support;
using Palopo.Portal.Domain.Calendar;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Application.Tests.Seeding;

/// <summary>
/// The seeded service catalogue (services.json) and holiday calendar (holidays.json), loaded the way
/// the app loads them at start, into an empty SQLite database.
/// </summary>
public sealed class CatalogueSeedTests
{
    [Fact]
    public async Task The_catalogue_has_at_least_13_services_each_with_a_valid_form_and_a_workflow()
    {
        await using var database = await SeededAsync();
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var services = await db.Services.AsNoTracking().ToListAsync();
            var forms = await db.ServiceFormVersions.AsNoTracking().ToListAsync();

            Assert.True(services.Count >= 13, $"Only {services.Count} services are seeded.");
            Assert.Equal(services.Count, services.Select(s => s.Slug).Distinct().Count());
            foreach (var service in services)
            {
                var form = Assert.Single(forms, f => f.ServiceId == service.Id);
                Assert.Equal(service.CurrentFormVersion, form.Version);
                Assert.Empty(form.Definition.Problems());
                Assert.NotEmpty(form.Definition.Fields);
                Assert.All(form.Definition.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Label.En), $"{service.Slug}.{f.Key} has no English label."));
                Assert.All(form.Definition.Documents, d => Assert.InRange(d.MaxSizeBytes, 1024 * 1024, 5 * 1024 * 1024));

                Assert.InRange(service.Workflow.Count, 1, 3);
                Assert.All(service.Workflow, step => Assert.Contains(step.Role, new[] { "Officer", "Supervisor" }));
                Assert.False(string.IsNullOrWhiteSpace(service.Name.En), $"{service.Slug} has no English name.");
                Assert.False(string.IsNullOrWhiteSpace(service.Summary.Id), $"{service.Slug} has no summary.");
                Assert.False(string.IsNullOrWhiteSpace(service.Requirements.Id), $"{service.Slug} has no requirements.");
                Assert.InRange(service.ServiceDays, 1, 60);
            }
        });
    }

    [Fact]
    public async Task Services_cover_the_four_service_agencies()
    {
        await using var database = await SeededAsync();
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var agencyCodes = await db.Services.AsNoTracking()
                .Join(db.Agencies, s => s.AgencyId, a => a.Id, (s, a) => a.Code)
                .Distinct()
                .ToListAsync();

            foreach (var code in new[] { "disdukcapil", "dpmptsp", "dinkes", "disdik" })
                Assert.Contains(code, agencyCodes);
        });
    }

    [Fact]
    public async Task Birth_certificate_is_free_and_moving_in_accepts_a_NIK_from_elsewhere()
    {
        await using var database = await SeededAsync();
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var birth = await db.Services.AsNoTracking().SingleAsync(s => s.Slug == "akta-kelahiran");
            Assert.True(birth.IsFree);
            Assert.Equal(LifeEvent.BirthAndChildren, birth.LifeEvent);

            var movingIn = await db.Services.AsNoTracking().SingleAsync(s => s.Slug == "pindah-datang");
            Assert.True(movingIn.AllowsNonPalopoApplicants);

            var movingOut = await db.Services.AsNoTracking().SingleAsync(s => s.Slug == "pindah-keluar");
            Assert.False(movingOut.AllowsNonPalopoApplicants);
        });
    }

    [Fact]
    public async Task Holidays_cover_2026_and_2027_with_national_days_and_cuti_bersama()
    {
        await using var database = await SeededAsync();
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var holidays = await db.Holidays.AsNoTracking().ToListAsync();

            foreach (var year in new[] { 2026, 2027 })
            {
                var ofYear = holidays.Where(h => h.Date.Year == year).ToList();
                Assert.True(ofYear.Count(h => h.Kind == HolidayKind.National) >= 15, $"Too few national holidays in {year}.");
                Assert.Contains(ofYear, h => h.Kind == HolidayKind.CutiBersama);
                Assert.Contains(ofYear, h => h.Kind == HolidayKind.National && h.Date == new DateOnly(year, 8, 17));
                Assert.Contains(ofYear, h => h.Kind == HolidayKind.National && h.Date == new DateOnly(year, 12, 25));
            }

            Assert.Equal(holidays.Count, holidays.Select(h => (h.Date, h.Kind)).Distinct().Count());
            Assert.All(holidays, h => Assert.False(string.IsNullOrWhiteSpace(h.Name.En)));

            // SKB 3 Menteri 2026: Idulfitri 1447 H on 21–22 March, with cuti bersama on 20, 23 and 24 March.
            Assert.Contains(holidays, h => h.Kind == HolidayKind.National && h.Date == new DateOnly(2026, 3, 21));
            foreach (var day in new[] { 20, 23, 24 })
                Assert.Contains(holidays, h => h.Kind == HolidayKind.CutiBersama && h.Date == new DateOnly(2026, 3, day));
        });
    }

    [Fact]
    public async Task The_holiday_calendar_moves_a_deadline_past_the_2026_Lebaran_break()
    {
        await using var database = await SeededAsync();
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var calendar = new WorkingCalendar(await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync());

            // Filed on Tuesday 17 March 2026: the 18th (cuti bersama Nyepi), 19th (Nyepi), 20th, 23rd and
            // 24th (cuti bersama Idulfitri) are not working days, so day 1 is Wednesday the 25th.
            Assert.Equal(new DateOnly(2026, 3, 25), calendar.AddWorkingDays(new DateOnly(2026, 3, 17), 1));
            Assert.Equal(new DateOnly(2026, 3, 31), calendar.AddWorkingDays(new DateOnly(2026, 3, 17), 5));
        });
    }

    private static async Task<PortalTestDatabase> SeededAsync()
    {
        var database = await PortalTestDatabase.CreateSqliteAsync();
        await database.InitializeAsync();
        return database;
    }
}

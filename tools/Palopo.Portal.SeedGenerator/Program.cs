using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application;
using Palopo.Portal.Application.Calendar;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Infrastructure;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Infrastructure.Persistence.Configurations;
using Palopo.Portal.SeedGenerator;

// Benchmark data: a SQLite portal database in DATA_DIR (migrated and seeded exactly as the app does
// in Development, demo accounts included) plus COUNT submitted service requests spread over every
// agency and service, in a realistic mix of states and due dates. Usage: DATA_DIR COUNT [SEED]
if (args.Length < 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 0)
{
    Console.Error.WriteLine("usage: Palopo.Portal.SeedGenerator DATA_DIR COUNT [RANDOM_SEED]");
    return 2;
}

var dataDir = Path.GetFullPath(args[0]);
var random = new Random(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2026);
Directory.CreateDirectory(dataDir);

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    EnvironmentName = Environments.Development,
    ContentRootPath = dataDir,
    DisableDefaults = true,
});
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = "Sqlite",
    ["Database:MigrateOnStart"] = "true",
    ["Database:SeedOnStart"] = "true",
    ["Storage:DataPath"] = dataDir,
    // The Development value from src/Palopo.Portal.Web/appsettings.Development.json: the app reads the same.
    ["PersonalData:BlindIndexKey"] = "ZGV2ZWxvcG1lbnQtb25seS1ibGluZC1pbmRleC1rZXktcGFsb3Bv",
    ["DemoAccounts:Enabled"] = "true",
});
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
using var host = builder.Build();

var clock = Stopwatch.StartNew();
await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
Console.WriteLine($"database ready in {clock.Elapsed.TotalSeconds:F1} s: {Path.Combine(dataDir, "palopo.db")}");

await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var calendar = await scope.ServiceProvider.GetRequiredService<WorkingCalendarProvider>().GetAsync(CancellationToken.None);
    var today = PalopoTime.Today(TimeProvider.System);
    var now = DateTime.UtcNow;

    var services = await db.Services.AsNoTracking()
        .Select(s => new { s.Id, s.AgencyId, s.ServiceDays, s.Workflow, Form = db.ServiceFormVersions.Where(f => f.ServiceId == s.Id).Select(f => f.Id).First() })
        .ToListAsync();
    var staff = await (from u in db.Users
                       join ur in db.UserRoles on u.Id equals ur.UserId
                       join r in db.Roles on ur.RoleId equals r.Id
                       where u.AgencyId != null && (r.Name == Roles.Officer || r.Name == Roles.Supervisor)
                       select new { u.Id, u.FullName, AgencyId = u.AgencyId!.Value })
        .Distinct().ToListAsync();
    var officersByAgency = staff.GroupBy(s => s.AgencyId).ToDictionary(g => g.Key, g => g.Select(s => (s.Id, s.FullName)).ToArray());
    var kelurahan = await db.Kelurahan.AsNoTracking().Select(k => k.Code).ToListAsync();

    // A few hundred applicants across Palopo's kelurahan (no password, no NIK: they never sign in).
    var applicants = new List<(Guid Id, string Name)>();
    var existing = await db.Users.CountAsync(u => u.Email!.EndsWith("@bench.palopo.test"));
    if (existing == 0 && count > 0)
    {
        string[] first = ["Andi", "Siti", "Muh.", "Nur", "Rahmat", "Hasna", "Ilham", "Fitri", "Syamsul", "Wahyuni", "Arif", "Dewi"];
        string[] last = ["Baso", "Amir", "Said", "Latif", "Haris", "Ramli", "Syam", "Hamid", "Yusuf", "Tahir"];
        for (var i = 0; i < 600; i++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"pemohon{i:D4}@bench.palopo.test");
            db.Users.Add(new PortalUser
            {
                Id = Guid.NewGuid(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                FullName = $"{first[i % first.Length]} {last[(i / first.Length) % last.Length]}",
                KelurahanCode = kelurahan[i % kelurahan.Count],
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                CreatedAtUtc = now,
            });
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    applicants.AddRange((await db.Users.AsNoTracking().Where(u => u.Email!.EndsWith("@bench.palopo.test")).Select(u => new { u.Id, u.FullName }).ToListAsync())
        .Select(u => (u.Id, u.FullName)));
    var citizenRole = await db.Roles.Where(r => r.Name == Roles.Citizen).Select(r => r.Id).SingleAsync();
    applicants.AddRange((await (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId where ur.RoleId == citizenRole select new { u.Id, u.FullName }).ToListAsync())
        .Select(u => (u.Id, u.FullName)));

    var year = today.Year;
    var counter = await db.ReferenceCounters.FirstOrDefaultAsync(c => c.Year == year);
    if (counter is null)
    {
        counter = new ReferenceCounter { Year = year, LastNumber = 0 };
        db.ReferenceCounters.Add(counter);
    }

    var sequence = counter.LastNumber;
    if (sequence + count > 999_999)
        throw new InvalidOperationException("PLP-YYYY-NNNNNN holds at most 999,999 requests a year.");
    counter.LastNumber = sequence + count;
    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
    db.ChangeTracker.Clear();

    const int batch = 5_000;
    var inserted = 0;
    clock.Restart();
    var connection = db.Database.GetDbConnection();
    await db.Database.OpenConnectionAsync();
    using var requestRows = new BulkInserter<ServiceRequest>(db, connection);
    using var eventRows = new BulkInserter<RequestEvent>(db, connection);
    using var correctionRows = new BulkInserter<CorrectionItem>(db, connection);
    while (inserted < count)
    {
        var n = Math.Min(batch, count - inserted);
        await using var transaction = await connection.BeginTransactionAsync();
        requestRows.Transaction = eventRows.Transaction = correctionRows.Transaction = transaction;
        for (var i = 0; i < n; i++)
        {
            var service = services[random.Next(services.Count)];
            var (applicantId, applicantName) = applicants[random.Next(applicants.Count)];
            // Submitted between 30 calendar days ago and today; the due date follows the legal clock.
            var submittedOn = today.AddDays(-random.Next(0, 31));
            var submittedAt = submittedOn.ToDateTime(new TimeOnly(random.Next(0, 9), random.Next(0, 60)), DateTimeKind.Utc);
            var citizen = new Actor(applicantId, applicantName, Roles.Citizen);
            var request = ServiceRequest.StartDraft(service.Id, service.AgencyId, service.Form, service.ServiceDays, applicantId,
                random.Next(10) == 0 ? RequestChannel.Assisted : RequestChannel.Online, Guid.NewGuid(), citizen, submittedAt);
            request.SaveAnswers(new Dictionary<string, string> { ["catatan"] = "Data uji beban" }, submittedAt);
            request.Submit(ReferenceNumber.Format(year, ++sequence), ReferenceNumber.NewTrackingCode(), calendar, submittedOn, citizen, submittedAt);

            var officers = officersByAgency.GetValueOrDefault(service.AgencyId) ?? [];
            var roll = random.Next(100);
            if (officers.Length > 0 && roll >= 35)
            {
                // 35% new; the rest taken by one of the agency's officers, then moved along.
                var (officerId, officerName) = officers[random.Next(officers.Length)];
                var officer = new Actor(officerId, officerName, Roles.Officer);
                var at = submittedAt.AddHours(random.Next(1, 48));
                request.Assign(officerId, officer, at);
                if (roll >= 65 && service.Workflow.Count > 1 && random.Next(2) == 0)
                    request.ApproveStep(service.Workflow.Count, officer, at.AddHours(1), null);             // at step 2
                if (roll is >= 75 and < 85)
                {
                    request.SendBack([(CorrectionTarget.Field, "catatan", "Mohon dilengkapi.")], submittedOn.AddDays(1), officer, at.AddHours(2));
                    if (roll < 80) // the citizen has already answered
                        request.Resubmit(new Dictionary<string, string> { ["catatan"] = "Sudah dilengkapi" }, calendar, submittedOn.AddDays(2), citizen, at.AddDays(1));
                }
                else if (roll is >= 85 and < 92)
                    request.Reject("Persyaratan tidak terpenuhi.", officer, at.AddHours(2));
                else if (roll >= 92)
                {
                    while (request.Status != RequestStatus.Approved)
                        request.ApproveStep(service.Workflow.Count, officer, at.AddHours(3), null);
                }
            }

            requestRows.Insert(request);
            foreach (var e in request.Events)
                eventRows.Insert(e);
            foreach (var c in request.Corrections)
                correctionRows.Insert(c);
        }

        await transaction.CommitAsync();
        inserted += n;
        Console.Write($"\r{inserted:N0} / {count:N0} requests ({clock.Elapsed.TotalSeconds:F1} s)");
    }

    Console.WriteLine();
    await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;");
}

Console.WriteLine($"done: {count:N0} requests in {clock.Elapsed.TotalSeconds:F1} s");
return 0;

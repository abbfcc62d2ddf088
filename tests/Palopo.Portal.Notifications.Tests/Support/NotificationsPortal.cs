using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Palopo.Portal.Application;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Domain.Calendar;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Notifications;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Notifications.Tests.Support;

/// <summary>
/// The portal's application and infrastructure services, wired exactly as the app wires them
/// (<c>AddApplication()</c> + <c>AddInfrastructure(configuration)</c>), on a real SQLite file, with
/// e-mail going over SMTP to 127.0.0.1:<c>smtpPort</c>, a fake clock, and logs kept for inspection.
/// Several instances on the same file behave like several web nodes on one database.
/// </summary>
internal sealed class NotificationsPortal : IAsyncDisposable
{
    /// <summary>A fixed 32-byte key, base64: tests need a valid one, not a secret one.</summary>
    public const string BlindIndexKey = "cGFsb3BvLXBvcnRhbC10ZXN0LWJsaW5kLWluZGV4LWs=";

    public const string PublicBaseUrl = "https://layanan.palopokota.go.id";

    private static int _sequence;

    public NotificationsPortal(string dataPath, int smtpPort, FakeTimeProvider clock, string workerName)
    {
        Clock = clock;
        DatabasePath = Path.Combine(dataPath, "palopo.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                // No pooling: every connection really closes, so the folder can be deleted afterwards.
                ["Database:ConnectionString"] = $"Data Source={DatabasePath};Pooling=False;Default Timeout=60",
                ["Database:MigrateOnStart"] = "true",
                ["Database:SeedOnStart"] = "true",
                ["PersonalData:BlindIndexKey"] = BlindIndexKey,
                ["Documents:SigningKey"] = "cGFsb3BvLXBvcnRhbC10ZXN0LWRvY3VtZW50LXNpZ25pbmcta2V5",
                ["Storage:DataPath"] = dataPath,
                ["DemoAccounts:Enabled"] = "false",
                ["Email:Delivery"] = "Smtp",
                ["Email:SmtpHost"] = "127.0.0.1",
                ["Email:SmtpPort"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Portal:PublicBaseUrl"] = PublicBaseUrl,
                ["Outbox:WorkerName"] = workerName,
                ["Outbox:BatchSize"] = "20",
                ["Outbox:SendTimeoutSeconds"] = "10",
            })
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(dataPath));
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.AddSingleton<TimeProvider>(clock); // after AddInfrastructure: replaces TimeProvider.System
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public string DatabasePath { get; }

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    public CapturedLogs Logs { get; } = new();

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>Migrates and seeds the database, as the app does at start.</summary>
    public Task InitializeAsync() =>
        Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, PortalDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public Task InScopeAsync(Func<IServiceProvider, PortalDbContext, Task> action) =>
        InScopeAsync(async (sp, db) =>
        {
            await action(sp, db);
            return true;
        });

    /// <summary>A citizen account with a confirmed e-mail address.</summary>
    public Task<PortalUser> AddCitizenAsync(string fullName, string email, string language) =>
        InScopeAsync(async (_, db) =>
        {
            var user = new PortalUser
            {
                Id = Guid.NewGuid(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                FullName = fullName,
                PreferredLanguage = language,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAtUtc = Clock.GetUtcNow().UtcDateTime,
            };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            return user;
        });

    /// <summary>
    /// Submits a request for <paramref name="serviceSlug"/> (online for <paramref name="applicantUserId"/>,
    /// or assisted without an account when it is null) and notifies as a use case would: the request,
    /// the notification and the outbox row in one SaveChanges.
    /// </summary>
    public Task<ServiceRequest> SubmitAsync(Guid? applicantUserId, string serviceSlug = "akta-kelahiran") =>
        InScopeAsync(async (sp, db) =>
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            var service = await db.Services.SingleAsync(s => s.Slug == serviceSlug);
            var form = await db.ServiceFormVersions.Where(f => f.ServiceId == service.Id).OrderByDescending(f => f.Version).FirstAsync();
            var actor = applicantUserId is { } id ? new Actor(id, "Pemohon", "Citizen") : new Actor(null, "Petugas loket", "Officer");
            var request = ServiceRequest.StartDraft(
                service.Id, service.AgencyId, form.Id, service.ServiceDays, applicantUserId,
                applicantUserId is null ? RequestChannel.Assisted : RequestChannel.Online,
                Guid.NewGuid(), actor, now);
            var reference = ReferenceNumber.Format(2026, Interlocked.Increment(ref _sequence) + Random.Shared.Next(0, 500_000));
            request.Submit(reference, ReferenceNumber.NewTrackingCode(), WorkingCalendar.WeekendsOnly, DateOnly.FromDateTime(now), actor, now);
            db.ServiceRequests.Add(request);
            await sp.GetRequiredService<IRequestNotifier>().NotifyAsync(request, NotificationKind.Submitted, CancellationToken.None);
            await db.SaveChangesAsync();
            return request;
        });

    /// <summary>Puts <paramref name="count"/> plain messages straight into the outbox.</summary>
    public Task<List<OutboxMessage>> EnqueueAsync(int count, string subjectPrefix) =>
        InScopeAsync(async (_, db) =>
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            var messages = Enumerable.Range(1, count)
                .Select(i => new OutboxMessage($"warga{i}@example.test", $"{subjectPrefix} {i:D3}", $"Pesan {i}", $"<p>Pesan {i}</p>", now))
                .ToList();
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync();
            return messages;
        });

    public Task<List<OutboxMessage>> OutboxAsync() =>
        InScopeAsync((_, db) => db.OutboxMessages.AsNoTracking().ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Palopo.Portal.Notifications.Tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

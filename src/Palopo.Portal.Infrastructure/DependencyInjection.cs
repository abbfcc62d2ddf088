using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Email;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Application.Files;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Infrastructure.Files;
using Palopo.Portal.Infrastructure.Requests;
using Palopo.Portal.Infrastructure.Email;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Notifications;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Infrastructure.Persistence.Seed;
using Palopo.Portal.Infrastructure.PersonalData;
using Palopo.Portal.Infrastructure.Storage;

namespace Palopo.Portal.Infrastructure;

public static class DependencyInjection
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName);
        services.AddOptions<PersonalDataOptions>().BindConfiguration(PersonalDataOptions.SectionName)
            .Validate(o => o.HasUsableKey(), "PersonalData:BlindIndexKey must be base64 of at least 32 random bytes.")
            .ValidateOnStart();
        services.AddOptions<DemoAccountsOptions>().BindConfiguration(DemoAccountsOptions.SectionName);
        services.AddSingleton<PortalPaths>();
        services.AddSingleton(TimeProvider.System);

        AddPersistence(services);
        AddCaching(services);
        AddIdentity(services);

        services.AddSingleton<INikProtector, NikProtector>();
        services.AddSingleton<PersonalDataCipher>();
        services.AddHostedService<KeyRingRefresher>();
        services.AddScoped<IPersonalDataAccounts, PersonalDataAccounts>();
        services.AddHostedService<RetentionWorker>();
        services.AddSingleton<IFileStore, LocalFileStore>();
        // Virus scan of uploads through clamd when Clamd:Host is set; otherwise none (documented in docs/security.md).
        services.AddOptions<ClamdOptions>().BindConfiguration(ClamdOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(configuration[$"{ClamdOptions.SectionName}:Host"]))
            services.AddSingleton<IFileScanner, ClamdFileScanner>();
        else
            services.AddSingleton<IFileScanner, NoFileScanner>();
        services.AddScoped<IReferenceNumberGenerator, ReferenceNumberGenerator>();
        services.AddScoped<IApplicantProfiles, ApplicantProfiles>();
        services.AddScoped<Application.Staff.IStaffContext, StaffContext>();
        services.AddScoped<Application.Staff.IUserSessions, ServerSideSessions>();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.AddScoped<Application.Officer.Supervision.IAgencyOfficers, AgencyOfficers>();
        services.AddScoped<Application.Admin.Catalogue.IAgencyStaff, AgencyStaff>();
        services.AddScoped<Application.Officer.Queues.IAccountQuery, AccountQuery>();
        services.AddScoped<Application.Officer.Queues.IDefaultQueueQuery, DefaultQueueQuery>();
        services.AddScoped<Application.PersonalData.IMyDataAccounts, MyDataAccounts>();
        services.AddScoped<Application.Admin.Staff.IStaffAccounts, Admin.StaffAccounts>();
        services.AddScoped<Application.Admin.Audit.IAuditUserLookup, Admin.AuditUserLookup>();
        services.AddScoped<Admin.SignInAudit>();
        services.AddSingleton<IEmailSender>(sp =>
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == EmailDelivery.Smtp
                ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
                : ActivatorUtilities.CreateInstance<PickupFolderEmailSender>(sp));
        AddNotifications(services);
        AddDocuments(services);

        services.AddHealthChecks()
            .AddCheck<DatabaseReadinessHealthCheck>("database-initialized", HealthStatus.Unhealthy, [ReadyTag])
            .AddDbContextCheck<PortalDbContext>("database", HealthStatus.Unhealthy, [ReadyTag],
                // A query, not only a connection: a database that answers but lost its tables is not ready.
                customTestQuery: (db, ct) => db.Agencies.AnyAsync(ct));
        return services;
    }

    private static void AddCaching(IServiceCollection services)
    {
        services.AddOptions<Caching.CachingOptions>().BindConfiguration(Caching.CachingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Application.Caching.ICacheSignals, Caching.DatabaseCacheSignals>();
        services.AddSingleton<Caching.OwnSignalIds>();
        services.AddSingleton<Caching.CacheSignalWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<Caching.CacheSignalWriter>());
        services.AddSingleton<Caching.CacheSignalListener>();
        services.AddSingleton<Caching.ChangeSignalInterceptor>();
        services.AddHostedService(sp => sp.GetRequiredService<Caching.CacheSignalListener>());
        services.AddSingleton<SessionTicketCache>();
        services.AddSingleton<StaffRowCache>();
    }

    private static void AddDocuments(IServiceCollection services)
    {
        services.AddOptions<Documents.DocumentsOptions>().BindConfiguration(Documents.DocumentsOptions.SectionName)
            .Validate(o => o.HasUsableKey(), "Documents:SigningKey must be base64 of at least 32 random bytes (keep it outside the database).")
            .ValidateOnStart();
        services.AddSingleton<Application.Documents.IDocumentSigner, Documents.HmacDocumentSigner>();
        services.AddSingleton<Application.Documents.IDocumentRenderer, Documents.PdfDocumentRenderer>();
        services.AddScoped<Application.Documents.IDocumentNumberGenerator, Documents.DocumentNumberGenerator>();
    }

    private static void AddNotifications(IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.TimeoutFitsLease, "Outbox:SendTimeoutSeconds must be at most half of Outbox:LeaseSeconds.")
            .ValidateOnStart();
        services.AddScoped<IApplicantDirectory, ApplicantDirectory>();
        // One instance: the hosted worker, and the same object for callers of DispatchOnceAsync.
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
    }

    private static void AddPersistence(IServiceCollection services)
    {
        // Pooled (ADR 0014): a request leases a context whose EF services are already found, instead
        // of building one and looking its internal service provider up by comparing options.
        services.AddDbContextPool<PortalDbContext>((sp, options) =>
        {
            var settings = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connectionString = settings.ConnectionString;
            if (settings.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
            {
                var dataPath = sp.GetRequiredService<PortalPaths>().DataPath;
                Directory.CreateDirectory(dataPath);
                connectionString = DatabaseConfigurator.SqliteConnectionString(dataPath);
            }

            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException($"Database:ConnectionString is required for {settings.Provider}.");
            DatabaseConfigurator.Configure(options, settings.Provider, connectionString, settings.CommandTimeoutSeconds);
            options.EnableThreadSafetyChecks(settings.ThreadSafetyChecks);
            PersonalDataCipherExtension.AddTo(options, sp.GetRequiredService<PersonalDataCipher>());
            options.AddInterceptors(sp.GetRequiredService<Caching.ChangeSignalInterceptor>());
        });
        services.AddScoped<IPortalDbContext>(sp => sp.GetRequiredService<PortalDbContext>());
        services.AddHostedService<Persistence.Sqlite.SqliteConnectionsCloser>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<ServiceCatalogSeeder>();
        services.AddScoped<DemoAccountSeeder>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton<DatabaseStartup>();

        // Keys in the database so every web node shares them (cookies, antiforgery, NIK encryption).
        services.AddDataProtection()
            .SetApplicationName("Palopo.Portal")
            .PersistKeysToDbContext<PortalDbContext>()
            // AES-256-GCM rather than the default AES-CBC + HMAC: one authenticated pass instead of two,
            // on every signed-in request (cookie, antiforgery). Applies to keys created from now on;
            // older keys keep the algorithm written in their descriptor (ADR 0015).
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        // ...but never in clear: each key is encrypted with a key from configuration (KeyRingEncryption).
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<IOptions<PersonalDataOptions>>((keys, personalData) =>
                keys.XmlEncryptor = new ConfiguredKeyXmlEncryptor(KeyRingEncryption.KeyEncryptionKey(personalData.Value)));
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentity<PortalUser, PortalRole>(options =>
            {
                // NIST SP 800-63B: length, not composition (ADR 0003).
                options.Password.RequiredLength = 15;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;

                options.SignIn.RequireConfirmedEmail = true;
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                options.Tokens.AuthenticatorIssuer = "Portal Kota Palopo";
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<Admin.InvitationTokenProvider>(Admin.InvitationTokenProvider.ProviderName)
            .AddPasswordValidator<CommonPasswordValidator>();

        // Reset and confirmation links stay valid for one hour (ASVS 6.3).
        services.AddScoped<CitizenRegistration>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(1));
    }
}

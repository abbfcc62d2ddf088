using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Agencies;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Calendar;
using Palopo.Portal.Domain.Documents;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Domain.Regions;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence.Configurations;
using Palopo.Portal.Infrastructure.PersonalData;
using Palopo.Portal.Domain.PersonalData;

namespace Palopo.Portal.Infrastructure.Persistence;

public sealed class PortalDbContext : IdentityDbContext<PortalUser, PortalRole, Guid>, IPortalDbContext, IDataProtectionKeyContext
{
    /// <summary>
    /// The only constructor, as context pooling requires. The cipher comes with the options (see
    /// <see cref="PersonalDataCipherExtension"/>); design-time tools and tests that build options
    /// by hand get a process-local key.
    /// </summary>
    public PortalDbContext(DbContextOptions<PortalDbContext> options)
        : base(options) =>
        Cipher = options.FindExtension<PersonalDataCipherExtension>()?.Cipher ?? PersonalDataCipher.Ephemeral;

    /// <summary>Encrypts the columns that may hold identity numbers (see <see cref="PersonalDataCipher"/>).</summary>
    internal PersonalDataCipher Cipher { get; }

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Kecamatan> Kecamatan => Set<Kecamatan>();

    public DbSet<Kelurahan> Kelurahan => Set<Kelurahan>();

    public DbSet<Service> Services => Set<Service>();

    public DbSet<ServiceFormVersion> ServiceFormVersions => Set<ServiceFormVersion>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<ServiceRequest> ServiceRequests => Set<ServiceRequest>();

    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();

    public DbSet<RequestDocument> RequestDocuments => Set<RequestDocument>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<IssuedDocument> IssuedDocuments => Set<IssuedDocument>();
    public DbSet<RightsRequest> RightsRequests => Set<RightsRequest>();

    public DbSet<DataBreach> DataBreaches => Set<DataBreach>();

    public DbSet<BreachSubject> BreachSubjects => Set<BreachSubject>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Caching.CacheSignal> CacheSignals => Set<Caching.CacheSignal>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        // These need the cipher, so they have no parameterless constructor and are applied here.
        builder.ApplyConfiguration(new ServiceRequestConfiguration(Cipher));
        builder.ApplyConfiguration(new CorrectionItemConfiguration(Cipher));

        // Our Guid keys are made by the domain (Guid.NewGuid), never by the database. Saying so lets
        // EF add new child rows found through navigations (a request's events and documents)
        // instead of mistaking them for existing rows to update.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var key = entity.FindPrimaryKey();
            if (key is { Properties: [{ ClrType: var type } property] } && type == typeof(Guid))
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Provider-neutral storage: enums as readable strings on every database.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

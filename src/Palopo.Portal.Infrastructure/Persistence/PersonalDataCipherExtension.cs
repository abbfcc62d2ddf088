using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Infrastructure.PersonalData;

namespace Palopo.Portal.Infrastructure.Persistence;

/// <summary>
/// Carries the <see cref="PersonalDataCipher"/> inside the context options. A pooled context is
/// built from its options alone (no other constructor arguments), and pooling is what saves every
/// request from finding EF's internal services again (see ADR 0014).
/// </summary>
internal sealed class PersonalDataCipherExtension(PersonalDataCipher cipher) : IDbContextOptionsExtension
{
    public PersonalDataCipher Cipher { get; } = cipher;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    public static void AddTo(DbContextOptionsBuilder options, PersonalDataCipher cipher) =>
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new PersonalDataCipherExtension(cipher));

    /// <summary>The cipher adds no EF services: every cipher shares one internal service provider.</summary>
    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => string.Empty;

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}

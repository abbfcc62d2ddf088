using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Palopo.Portal.Infrastructure.Caching;

namespace Palopo.Portal.Infrastructure.Persistence.Configurations;

internal sealed class CacheSignalConfiguration : IEntityTypeConfiguration<CacheSignal>
{
    public void Configure(EntityTypeBuilder<CacheSignal> builder)
    {
        builder.ToTable("CacheSignals");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.Topic).HasMaxLength(CacheSignal.TopicMaxLength).IsRequired();
        builder.Property(s => s.Key).HasMaxLength(CacheSignal.KeyMaxLength).IsRequired();
        builder.HasIndex(s => s.CreatedUtc); // the daily prune
    }
}

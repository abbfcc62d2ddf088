using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Palopo.Portal.Domain.Regions;

namespace Palopo.Portal.Infrastructure.Persistence.Configurations;

internal sealed class KecamatanConfiguration : IEntityTypeConfiguration<Kecamatan>
{
    public void Configure(EntityTypeBuilder<Kecamatan> builder)
    {
        builder.HasKey(k => k.Code);
        builder.Property(k => k.Code).HasMaxLength(8);
        builder.Property(k => k.Name).HasMaxLength(100).IsRequired();
        builder.Ignore(k => k.NikDistrictCode);
        builder.HasMany(k => k.Kelurahan).WithOne(k => k.Kecamatan).HasForeignKey(k => k.KecamatanCode);
        builder.Navigation(k => k.Kelurahan).HasField("_kelurahan");
    }
}

internal sealed class KelurahanConfiguration : IEntityTypeConfiguration<Kelurahan>
{
    public void Configure(EntityTypeBuilder<Kelurahan> builder)
    {
        builder.HasKey(k => k.Code);
        builder.Property(k => k.Code).HasMaxLength(13);
        builder.Property(k => k.KecamatanCode).HasMaxLength(8).IsRequired();
        builder.Property(k => k.Name).HasMaxLength(100).IsRequired();
        builder.Property(k => k.Aliases).HasMaxLength(400);
        builder.Ignore(k => k.AliasList);
    }
}

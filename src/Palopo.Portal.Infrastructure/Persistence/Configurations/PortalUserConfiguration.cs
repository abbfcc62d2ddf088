using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Palopo.Portal.Domain.Agencies;
using Palopo.Portal.Domain.Regions;
using Palopo.Portal.Infrastructure.Identity;

namespace Palopo.Portal.Infrastructure.Persistence.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(150).IsRequired();
        builder.Property(u => u.NikHash).HasMaxLength(64);
        builder.Property(u => u.NikCipher).HasMaxLength(400);
        builder.Property(u => u.KelurahanCode).HasMaxLength(13);
        builder.Property(u => u.PrivacyNoticeVersion).HasMaxLength(20);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(5);

        // One account per NIK, enforced by the database (nulls allowed: staff have none; SQL Server gets a filtered index by convention).
        builder.HasIndex(u => u.NikHash).IsUnique();

        builder.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Kelurahan>().WithMany().HasForeignKey(u => u.KelurahanCode).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Palopo.Portal.Infrastructure.Identity;

namespace Palopo.Portal.Infrastructure.Persistence.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        // Every authenticated request looks its session up by key: the primary key is that index.
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.ProtectedTicket).IsRequired();
        // "End all sessions of this person" and the clean-up of expired rows.
        builder.HasIndex(s => new { s.UserId, s.ExpiresUtc });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

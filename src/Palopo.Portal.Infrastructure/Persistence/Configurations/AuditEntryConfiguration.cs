using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Palopo.Portal.Domain.Audit;

namespace Palopo.Portal.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ActorName).HasMaxLength(150);
        builder.Property(a => a.SubjectType).HasMaxLength(60);
        builder.Property(a => a.Reference).HasMaxLength(40);
        builder.Property(a => a.Detail).HasMaxLength(1000);
        // Audit screens filter by time, by actor and by action; citizens read the rows about their own data.
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => new { a.ActorUserId, a.AtUtc });
        builder.HasIndex(a => new { a.DataSubjectUserId, a.AtUtc });
        builder.HasIndex(a => new { a.Action, a.AtUtc });
    }
}

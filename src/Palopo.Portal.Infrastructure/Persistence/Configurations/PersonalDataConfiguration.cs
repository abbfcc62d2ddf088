using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Palopo.Portal.Domain.PersonalData;
using Palopo.Portal.Infrastructure.Identity;

namespace Palopo.Portal.Infrastructure.Persistence.Configurations;

internal sealed class RightsRequestConfiguration : IEntityTypeConfiguration<RightsRequest>
{
    public void Configure(EntityTypeBuilder<RightsRequest> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Details).HasMaxLength(RightsRequest.DetailsMaxLength);
        builder.Property(r => r.Response).HasMaxLength(RightsRequest.ResponseMaxLength);
        builder.Property(r => r.AnsweredBy).HasMaxLength(150);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsOpen);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        // The citizen's own list; the desk's list of open requests by deadline.
        builder.HasIndex(r => new { r.UserId, r.FiledAtUtc });
        builder.HasIndex(r => new { r.Status, r.DueAtUtc });
    }
}

internal sealed class DataBreachConfiguration : IEntityTypeConfiguration<DataBreach>
{
    public void Configure(EntityTypeBuilder<DataBreach> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Title).HasMaxLength(200);
        builder.Property(b => b.DataAffected).HasMaxLength(DataBreach.TextMaxLength);
        builder.Property(b => b.HowItHappened).HasMaxLength(DataBreach.TextMaxLength);
        builder.Property(b => b.Remedy).HasMaxLength(DataBreach.TextMaxLength);
        builder.Property(b => b.RecordedBy).HasMaxLength(150);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Ignore(b => b.NotificationsDone);
        builder.HasMany(b => b.Subjects).WithOne().HasForeignKey(s => s.BreachId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Subjects).HasField("_subjects");
        builder.HasIndex(b => b.DiscoveredAtUtc);
    }
}

internal sealed class BreachSubjectConfiguration : IEntityTypeConfiguration<BreachSubject>
{
    public void Configure(EntityTypeBuilder<BreachSubject> builder)
    {
        builder.HasKey(s => s.Id);
        // One row per citizen per breach: the notice goes to each person once.
        builder.HasIndex(s => new { s.BreachId, s.UserId }).IsUnique();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Palopo.Portal.Domain.Agencies;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Infrastructure.Persistence.Configurations;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Slug).HasMaxLength(80).IsRequired();
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.AgencyId, s.IsActive });
        Text(builder, s => s.Name, "Name", 200);
        Text(builder, s => s.Summary, "Summary", 500);
        Text(builder, s => s.Description, "Description", 4000);
        Text(builder, s => s.Eligibility, "Eligibility", 2000);
        Text(builder, s => s.Requirements, "Requirements", 4000);
        builder.Property(s => s.Fee).HasPrecision(14, 2);
        builder.Property(s => s.Workflow)
            .HasConversion(JsonColumn.Converter<IReadOnlyList<WorkflowStep>>(), JsonColumn.Comparer<IReadOnlyList<WorkflowStep>>())
            .IsRequired();
        builder.Property(s => s.RequiredCourseCodes)
            .HasConversion(JsonColumn.Converter<IReadOnlyList<string>>(), JsonColumn.Comparer<IReadOnlyList<string>>())
            .HasMaxLength(1000)
            .IsRequired();
        builder.Ignore(s => s.IsFree);
    }

    internal static void Text<T>(EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, LocalizedText?>> property, string prefix, int maxLength)
        where T : class =>
        builder.ComplexProperty(property, b =>
        {
            b.Property(t => t.Id).HasColumnName(prefix + "Id").HasMaxLength(maxLength).IsRequired();
            b.Property(t => t.En).HasColumnName(prefix + "En").HasMaxLength(maxLength).IsRequired();
        });
}

internal sealed class ServiceFormVersionConfiguration : IEntityTypeConfiguration<ServiceFormVersion>
{
    public void Configure(EntityTypeBuilder<ServiceFormVersion> builder)
    {
        builder.HasKey(f => f.Id);
        builder.HasOne<Service>().WithMany().HasForeignKey(f => f.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.ServiceId, f.Version }).IsUnique();
        builder.Property(f => f.Definition)
            .HasConversion(JsonColumn.Converter<FormDefinition>(), JsonColumn.Comparer<FormDefinition>())
            .IsRequired();
    }
}

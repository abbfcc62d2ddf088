using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Palopo.Portal.Domain.Calendar;

namespace Palopo.Portal.Infrastructure.Persistence.Configurations;

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.HasKey(h => h.Id);
        builder.HasIndex(h => new { h.Date, h.Kind }).IsUnique();
        ServiceConfiguration.Text(builder, h => h.Name, "Name", 200);
    }
}

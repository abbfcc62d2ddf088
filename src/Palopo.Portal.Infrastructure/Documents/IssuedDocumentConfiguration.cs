using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Palopo.Portal.Domain.Agencies;
using Palopo.Portal.Domain.Documents;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Infrastructure.Documents;

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Number).HasMaxLength(60);
        builder.HasIndex(d => d.Number).IsUnique();
        builder.Property(d => d.VerificationCode).HasMaxLength(VerificationCode.Length);
        builder.HasIndex(d => d.VerificationCode).IsUnique();
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasIndex(d => d.Sha256);
        builder.Property(d => d.Signature).HasMaxLength(100);
        builder.Property(d => d.StoredName).HasMaxLength(200);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.TitleEn).HasMaxLength(200);
        builder.Property(d => d.HolderName).HasMaxLength(150);
        builder.Property(d => d.HolderNikMasked).HasMaxLength(16);
        builder.Property(d => d.AgencyName).HasMaxLength(200);
        builder.Property(d => d.IssuedByName).HasMaxLength(150);
        builder.Property(d => d.RevokedByName).HasMaxLength(150);
        builder.Property(d => d.RevocationReason).HasMaxLength(IssuedDocument.MaxRevocationReasonLength);
        builder.Ignore(d => d.IsRevoked);

        // One document per request (a revoked one stays, for the record).
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.RequestId).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

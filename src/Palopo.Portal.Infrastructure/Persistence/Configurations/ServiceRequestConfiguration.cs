using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.PersonalData;

namespace Palopo.Portal.Infrastructure.Persistence.Configurations;

/// <summary>Answers may hold NIKs (any field of type NIK), so the whole column is encrypted with <paramref name="cipher"/>.</summary>
internal sealed class ServiceRequestConfiguration(PersonalDataCipher cipher) : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ReferenceNumber).HasMaxLength(20);
        builder.HasIndex(r => r.ReferenceNumber).IsUnique();
        builder.Property(r => r.TrackingCode).HasMaxLength(12);
        builder.Property(r => r.DecisionReason).HasMaxLength(2000);
        builder.Property(r => r.PrivacyNoticeVersion).HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.HasOne<Service>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceFormVersion>().WithMany().HasForeignKey(r => r.FormVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.ApplicantUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.AssignedOfficerId).OnDelete(DeleteBehavior.Restrict);

        // "My requests", newest first; and one request per idempotency key per applicant.
        builder.HasIndex(r => new { r.ApplicantUserId, r.CreatedAtUtc });
        builder.HasIndex(r => new { r.ApplicantUserId, r.IdempotencyKey }).IsUnique();
        // Queues: an agency's requests awaiting an officer, by due date (keyset on DueOn, Id);
        // and per service and status for the filters.
        builder.HasIndex(r => new { r.AgencyId, r.AwaitsOfficer, r.DueOn, r.Id });
        // The workspace's grouped counts read only this index (covering: no table lookups).
        builder.HasIndex(r => new { r.AgencyId, r.AwaitsOfficer, r.ServiceId, r.CurrentStep, r.Status, r.AssignedOfficerId, r.DueOn })
            .HasDatabaseName("IX_ServiceRequests_WorkspaceCounts");
        builder.HasIndex(r => new { r.ServiceId, r.Status, r.DueOn });
        builder.HasIndex(r => new { r.AssignedOfficerId, r.AwaitsOfficer, r.DueOn });

        builder.Property<Dictionary<string, string>>("_answers")
            .HasColumnName("Answers")
            .HasConversion(JsonColumn.EncryptedConverter<Dictionary<string, string>>(cipher), JsonColumn.Comparer<Dictionary<string, string>>())
            .IsRequired();
        builder.Ignore(r => r.Answers);
        builder.Ignore(r => r.CurrentDocuments);
        builder.Ignore(r => r.OpenCorrections);
        builder.Ignore(r => r.IsClockPaused);

        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Events).HasField("_events");
        builder.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Documents).HasField("_documents");
        builder.HasMany(r => r.Corrections).WithOne().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Corrections).HasField("_corrections");
    }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorName).HasMaxLength(150);
        builder.Property(e => e.ActorRole).HasMaxLength(40);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.Ignore(e => e.IsInternal);
        builder.HasIndex(e => new { e.RequestId, e.AtUtc });
    }
}

internal sealed class RequestDocumentConfiguration : IEntityTypeConfiguration<RequestDocument>
{
    public void Configure(EntityTypeBuilder<RequestDocument> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.RequirementKey).HasMaxLength(60);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.StoredName).HasMaxLength(200);
        builder.HasIndex(d => d.StoredName).IsUnique();
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasIndex(d => d.RequestId);
    }
}

/// <summary>Previous and new values of a flagged field may be a NIK: both are encrypted (no length limit: cipher text is longer).</summary>
internal sealed class CorrectionItemConfiguration(PersonalDataCipher cipher) : IEntityTypeConfiguration<CorrectionItem>
{
    public void Configure(EntityTypeBuilder<CorrectionItem> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TargetKey).HasMaxLength(60);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.PreviousValue).HasConversion(JsonColumn.EncryptedText(cipher));
        builder.Property(c => c.NewValue).HasConversion(JsonColumn.EncryptedText(cipher));
        builder.HasIndex(c => new { c.RequestId, c.Round });
    }
}

using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Domain.Agencies;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Calendar;
using Palopo.Portal.Domain.Documents;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Domain.Regions;

namespace Palopo.Portal.Application.Common;

/// <summary>The application's view of the database: the sets it works with, and saving.</summary>
public interface IPortalDbContext
{
    DbSet<Agency> Agencies { get; }

    DbSet<Kecamatan> Kecamatan { get; }

    DbSet<Kelurahan> Kelurahan { get; }

    DbSet<Service> Services { get; }

    DbSet<ServiceFormVersion> ServiceFormVersions { get; }

    DbSet<Holiday> Holidays { get; }

    DbSet<ServiceRequest> ServiceRequests { get; }

    DbSet<RequestEvent> RequestEvents { get; }

    DbSet<RequestDocument> RequestDocuments { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<IssuedDocument> IssuedDocuments { get; }
    DbSet<Domain.PersonalData.RightsRequest> RightsRequests { get; }

    DbSet<Domain.PersonalData.DataBreach> DataBreaches { get; }

    DbSet<Domain.PersonalData.BreachSubject> BreachSubjects { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

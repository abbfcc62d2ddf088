using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Domain.Agencies;
using Palopo.Portal.Domain.Regions;

namespace Palopo.Portal.Application.Common;

/// <summary>The application's view of the database: the sets it works with, and saving.</summary>
public interface IPortalDbContext
{
    DbSet<Agency> Agencies { get; }

    DbSet<Kecamatan> Kecamatan { get; }

    DbSet<Kelurahan> Kelurahan { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

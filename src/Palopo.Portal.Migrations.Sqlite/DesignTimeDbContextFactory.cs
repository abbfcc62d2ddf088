using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Migrations.Sqlite;

/// <summary>Used by dotnet-ef only: builds the context for the Sqlite provider without starting the web app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("PALOPO_DESIGN_CONNECTION") ?? DefaultConnection;
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseConfigurator.Configure(options, DatabaseProvider.Sqlite, connectionString);
        return new PortalDbContext(options.Options);
    }

    private const string DefaultConnection = "Data Source=design-time.db";
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Migrations.SqlServer;

/// <summary>Used by dotnet-ef only: builds the context for the SqlServer provider without starting the web app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("PALOPO_DESIGN_CONNECTION") ?? DefaultConnection;
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseConfigurator.Configure(options, DatabaseProvider.SqlServer, connectionString);
        return new PortalDbContext(options.Options);
    }

    private const string DefaultConnection = "Server=localhost;Database=Palopo;Trusted_Connection=True;TrustServerCertificate=True";
}

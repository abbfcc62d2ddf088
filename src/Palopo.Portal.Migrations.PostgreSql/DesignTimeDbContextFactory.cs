using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Migrations.PostgreSql;

/// <summary>Used by dotnet-ef only: builds the context for the PostgreSql provider without starting the web app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("PALOPO_DESIGN_CONNECTION") ?? DefaultConnection;
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseConfigurator.Configure(options, DatabaseProvider.PostgreSql, connectionString);
        return new PortalDbContext(options.Options);
    }

    private const string DefaultConnection = "Host=127.0.0.1;Port=55432;Database=palopo_design;Username=postgres";
}

using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Application.Tests.Support;

/// <summary>Contexts for model and migration checks that never open a connection.</summary>
internal static class ModelContexts
{
    public static PortalDbContext Create(DatabaseProvider provider)
    {
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=never-opened.db",
            DatabaseProvider.PostgreSql => "Host=127.0.0.1;Database=never_opened",
            DatabaseProvider.SqlServer => "Server=127.0.0.1;Database=never_opened;TrustServerCertificate=True",
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseConfigurator.Configure(options, provider, connectionString);
        return new PortalDbContext(options.Options);
    }
}

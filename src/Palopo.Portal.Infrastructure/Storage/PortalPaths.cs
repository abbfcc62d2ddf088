using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Palopo.Portal.Infrastructure.Email;

namespace Palopo.Portal.Infrastructure;

/// <summary>Absolute paths of the portal's data folder and what lives in it.</summary>
public sealed class PortalPaths
{
    public PortalPaths(IHostEnvironment environment, IOptions<Storage.StorageOptions> storage, IOptions<EmailOptions> email)
    {
        DataPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, storage.Value.DataPath));
        PickupDirectory = Path.GetFullPath(Path.Combine(DataPath, email.Value.PickupDirectory));
    }

    public string DataPath { get; }

    public string PickupDirectory { get; }

    public string LogsDirectory => Path.Combine(DataPath, "logs");
}

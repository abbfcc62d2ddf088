using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Palopo.Portal.Infrastructure.Email;

namespace Palopo.Portal.Infrastructure;

/// <summary>Absolute paths of the portal's data folder and what lives in it.</summary>
public sealed class PortalPaths
{
    public PortalPaths(IHostEnvironment environment, IOptions<Storage.StorageOptions> storage, IOptions<EmailOptions> email)
    {
        DataPath = ResolveDataPath(environment.ContentRootPath, storage.Value.DataPath);
        PickupDirectory = Path.GetFullPath(Path.Combine(DataPath, email.Value.PickupDirectory));
        FilesDirectory = Path.GetFullPath(Path.Combine(DataPath, string.IsNullOrWhiteSpace(storage.Value.FilesPath) ? "files" : storage.Value.FilesPath));
    }

    public string DataPath { get; }

    public string PickupDirectory { get; }

    /// <summary>Uploaded and issued files (Storage:FilesPath; "files" in the data folder by default).</summary>
    public string FilesDirectory { get; }

    public string LogsDirectory => Path.Combine(DataPath, "logs");

    /// <summary>The data folder for a configured path: relative paths are under the content root.</summary>
    public static string ResolveDataPath(string contentRootPath, string? configuredPath) =>
        Path.GetFullPath(Path.Combine(contentRootPath, string.IsNullOrWhiteSpace(configuredPath) ? "data" : configuredPath));
}

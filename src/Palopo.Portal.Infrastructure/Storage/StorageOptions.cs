namespace Palopo.Portal.Infrastructure.Storage;

/// <summary>Settings under "Storage": where the portal keeps its files.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The data folder (SQLite file, uploads, mail pickup, logs). Relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// Where uploaded and issued files live. Empty: "files" in the data folder. With several web
    /// nodes, a folder every node mounts (NFS, SMB) at the same path; relative paths are under the data folder.
    /// </summary>
    public string? FilesPath { get; set; }
}

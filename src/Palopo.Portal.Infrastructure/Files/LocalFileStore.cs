using System.Runtime.CompilerServices;
using Palopo.Portal.Application.Files;

namespace Palopo.Portal.Infrastructure.Files;

/// <summary>
/// Files on local disk, or on a shared folder (NFS, SMB) mounted on every web node, under
/// Storage:FilesPath (default: "files" in the data folder), outside the web root. Names are
/// generated (yyyy/MM/guid.ext), so nodes never collide. A file is written under a temporary name
/// in its final folder, flushed to disk and renamed into place (atomic within one file system, NFS
/// included), never over an existing file: a crash leaves at most a ".partial" file, never half a
/// stored one, and readers on other nodes see the whole file or none.
/// </summary>
internal sealed class LocalFileStore(PortalPaths paths, TimeProvider clock) : IFileStore
{
    private string Root => paths.FilesDirectory;

    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var name = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}{extension}";
        var path = PathFor(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, ct);
            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return name;
    }

    public Task<Stream?> OpenReadAsync(string storedName, CancellationToken ct)
    {
        var path = PathFor(storedName);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null);
    }

    public Task DeleteAsync(string storedName, CancellationToken ct)
    {
        var path = PathFor(storedName);
        if (File.Exists(path))
            File.Delete(path);
        return Task.CompletedTask;
    }

    public Task<DateTime?> WrittenAtUtcAsync(string storedName, CancellationToken ct)
    {
        var path = PathFor(storedName);
        return Task.FromResult<DateTime?>(File.Exists(path) ? File.GetLastWriteTimeUtc(path) : null);
    }

    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        if (!Directory.Exists(Root))
            yield break;
        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            if (!path.EndsWith(".partial", StringComparison.Ordinal))
                yield return Path.GetRelativePath(Root, path).Replace('\\', '/');
        }

        await Task.CompletedTask;
    }

    /// <summary>Only names this store generated are accepted: no "..", no rooted paths.</summary>
    private string PathFor(string storedName)
    {
        if (storedName.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(storedName)
            || !storedName.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.'))
            throw new ArgumentException("Not a stored file name.", nameof(storedName));
        var full = Path.GetFullPath(Path.Combine(Root, storedName));
        if (!full.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("Not a stored file name.", nameof(storedName));
        return full;
    }
}

namespace Palopo.Portal.Application.Files;

/// <summary>
/// Where uploaded and issued files live: outside the web root, under generated names.
/// Local disk by default; a shared folder when several web nodes run.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content under a new generated name and returns that name.</summary>
    Task<string> SaveAsync(Stream content, string extension, CancellationToken ct);

    Task<Stream?> OpenReadAsync(string storedName, CancellationToken ct);

    Task DeleteAsync(string storedName, CancellationToken ct);

    /// <summary>When the file was written; null when unknown (the orphan purge then leaves it alone).</summary>
    Task<DateTime?> WrittenAtUtcAsync(string storedName, CancellationToken ct) => Task.FromResult<DateTime?>(null);

    /// <summary>Every stored name (for the orphan purge).</summary>
    IAsyncEnumerable<string> ListAsync(CancellationToken ct);
}

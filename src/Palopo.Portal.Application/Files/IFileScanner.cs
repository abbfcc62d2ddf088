namespace Palopo.Portal.Application.Files;

/// <summary>
/// An anti-virus look at an upload before it is stored (ASVS 5.2). The default does nothing; with
/// <c>Clamd:Host</c> configured, ClamAV's daemon scans every file.
/// </summary>
public interface IFileScanner
{
    Task<FileScanResult> ScanAsync(Stream content, CancellationToken ct);
}

public enum FileScanVerdict
{
    Clean,
    Infected,

    /// <summary>The scanner could not be asked: the upload is refused (fail closed), the person may retry.</summary>
    Unavailable,
}

/// <param name="Signature">What the scanner found, for the log; never shown to the uploader.</param>
public sealed record FileScanResult(FileScanVerdict Verdict, string? Signature = null)
{
    public static readonly FileScanResult Passed = new(FileScanVerdict.Clean);

    public bool Clean => Verdict == FileScanVerdict.Clean;
}

/// <summary>No scanner configured: every file passes (magic-byte, size and type checks still apply).</summary>
public sealed class NoFileScanner : IFileScanner
{
    public Task<FileScanResult> ScanAsync(Stream content, CancellationToken ct) => Task.FromResult(FileScanResult.Passed);
}

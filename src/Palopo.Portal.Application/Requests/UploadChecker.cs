using Palopo.Portal.Application.Files;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Requests;

/// <summary>
/// Checks uploads by size and by content (magic bytes) as well as by name, stores the good ones
/// under generated names, and attaches them to the request. Bad ones get a message, never a file.
/// </summary>
public sealed class UploadChecker(IFileStore files, IFileScanner scanner)
{
    /// <summary>All current documents of one request together, so one request cannot fill the disk.</summary>
    public const long MaxRequestBytes = 20L * 1024 * 1024;

    public async Task<IReadOnlyList<string>> StoreAsync(
        ServiceRequest request, FormDefinition definition, IReadOnlyList<IncomingFile> incoming,
        Dictionary<string, FieldError> errors, DateTime nowUtc, CancellationToken ct)
    {
        var stored = new List<string>();
        foreach (var file in incoming)
        {
            var requirement = definition.Document(file.RequirementKey);
            if (requirement is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
                continue; // no file chosen for this document

            var error = await CheckAsync(file, requirement, request, ct);
            if (error is not null)
            {
                errors[requirement.Key] = error;
                continue;
            }

            var type = (await DetectAsync(file, ct))!.Value;
            string name;
            await using (var content = file.OpenReadStream())
                name = await files.SaveAsync(content, FileTypeSniffer.Extension(type), ct);
            stored.Add(name);
            string sha;
            await using (var content = file.OpenReadStream())
                sha = ApplyForService.Sha256Hex(content);
            request.AttachDocument(requirement.Key, FileTypeSniffer.SafeFileName(file.FileName), name, FileTypeSniffer.ContentType(type), file.Length, sha, nowUtc);
        }

        return stored;
    }

    private async Task<FieldError?> CheckAsync(IncomingFile file, DocumentRequirement requirement, ServiceRequest request, CancellationToken ct)
    {
        if (file.Length == 0)
            return new FieldError("FileEmpty");
        if (file.Length > requirement.MaxSizeBytes)
            return new FieldError("FileTooLarge", Megabytes(requirement.MaxSizeBytes));
        var othersTotal = request.CurrentDocuments.Where(d => d.RequirementKey != requirement.Key).Sum(d => d.SizeBytes);
        if (othersTotal + file.Length > MaxRequestBytes)
            return new FieldError("RequestTooLarge", Megabytes(MaxRequestBytes));

        var type = await DetectAsync(file, ct);
        var allowed = string.Join(", ", requirement.AllowedTypes.Select(t => t.ToString().ToUpperInvariant()));
        if (type is null || !requirement.AllowedTypes.Contains(type.Value))
            return new FieldError("FileTypeNotAllowed", allowed);
        if (!FileTypeSniffer.ExtensionMatches(file.FileName ?? "", type.Value))
            return new FieldError("FileTypeMismatch", allowed);

        // Last, so the scanner only sees files that passed the cheap checks.
        await using var content = file.OpenReadStream();
        var scan = await scanner.ScanAsync(content, ct);
        return scan.Verdict switch
        {
            FileScanVerdict.Clean => null,
            FileScanVerdict.Infected => new FieldError("FileRejectedByScanner"),
            _ => new FieldError("FileScanUnavailable"),
        };
    }

    private static async Task<DocumentFileType?> DetectAsync(IncomingFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var header = new byte[FileTypeSniffer.HeaderLength];
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        return FileTypeSniffer.Detect(header.AsSpan(0, read));
    }

    private static string Megabytes(long bytes) =>
        (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}

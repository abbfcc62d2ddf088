using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Files;

namespace Palopo.Portal.Application.PersonalData;

/// <summary>
/// The citizen's uploaded documents and issued PDFs as one zip (right to a copy). Built into a temporary file that
/// deletes itself when the response closes, so memory stays flat; bounded by <see cref="MaxBytes"/>:
/// files past the limit are listed in the zip's "LIHAT-SAYA.txt" instead (download them one by one
/// from the request page). Only documents of the citizen's own requests are read.
/// </summary>
public sealed class MyDocumentsArchive(IPortalDbContext db, IFileStore files)
{
    public const long MaxBytes = 200L * 1024 * 1024;

    /// <returns>A readable stream positioned at 0, or null when the citizen has no documents.</returns>
    public async Task<Stream?> BuildAsync(Guid userId, CancellationToken ct)
    {
        var uploads = await (
                from d in db.RequestDocuments.AsNoTracking()
                join r in db.ServiceRequests on d.RequestId equals r.Id
                where r.ApplicantUserId == userId && d.ReplacedAtUtc == null
                orderby r.CreatedAtUtc, d.UploadedAtUtc
                select new { r.ReferenceNumber, r.CreatedAtUtc, d.RequirementKey, d.FileName, d.StoredName, d.SizeBytes })
            .ToListAsync(ct);
        var issued = await (
                from d in db.IssuedDocuments.AsNoTracking()
                join r in db.ServiceRequests on d.RequestId equals r.Id
                where r.ApplicantUserId == userId
                orderby d.IssuedAtUtc
                select new { r.ReferenceNumber, r.CreatedAtUtc, d.Number, d.StoredName })
            .ToListAsync(ct);

        // Uploaded files keep their requirement and name; issued PDFs are named by their document number.
        var documents = uploads
            .Select(d => new ArchivedFile(Folder(d.ReferenceNumber, d.CreatedAtUtc), $"{Safe(d.RequirementKey)}-{Safe(d.FileName)}", d.StoredName, d.SizeBytes))
            .Concat(issued.Select(d => new ArchivedFile(Folder(d.ReferenceNumber, d.CreatedAtUtc), $"dokumen-terbit-{Safe(d.Number)}.pdf", d.StoredName, null)))
            .ToList();
        if (documents.Count == 0)
            return null;

        var path = Path.Combine(Path.GetTempPath(), "palopo-zip-" + Guid.NewGuid().ToString("N"));
        var output = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            long total = 0;
            var skipped = new StringBuilder();
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var d in documents)
                {
                    var entryName = Unique(used, $"{d.Folder}/{d.Name}");
                    if (d.SizeBytes is { } size && total + size > MaxBytes)
                    {
                        skipped.Append(entryName).Append('\n');
                        continue;
                    }

                    await using var source = await files.OpenReadAsync(d.StoredName, ct);
                    if (source is null)
                        continue;
                    var entry = zip.CreateEntry(entryName, CompressionLevel.Fastest);
                    await using (var target = entry.Open())
                        await source.CopyToAsync(target, ct);
                    total += d.SizeBytes ?? (source.CanSeek ? source.Length : 0);
                }

                if (skipped.Length > 0)
                {
                    var note = zip.CreateEntry("LIHAT-SAYA.txt");
                    await using var writer = new StreamWriter(note.Open(), Encoding.UTF8);
                    await writer.WriteAsync("Berkas berikut melebihi batas ukuran unduhan; unduh satu per satu dari halaman permohonan.\n"
                        + "These files exceed the download size limit; download them one by one from the request page.\n\n" + skipped);
                }
            }

            output.Position = 0;
            return output;
        }
        catch
        {
            await output.DisposeAsync();
            throw;
        }
    }

    private sealed record ArchivedFile(string Folder, string Name, string StoredName, long? SizeBytes);

    private static string Folder(string? referenceNumber, DateTime createdAtUtc) =>
        referenceNumber ?? "draf-" + createdAtUtc.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Safe(string name)
    {
        var clean = new string([.. name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
        return clean.Length > 80 ? clean[^80..] : clean;
    }

    private static string Unique(HashSet<string> used, string name)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
            candidate = $"{Path.GetDirectoryName(name)}/{i}-{Path.GetFileName(name)}";
        return candidate;
    }
}

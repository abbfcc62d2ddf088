using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Files;

namespace Palopo.Portal.Infrastructure.Files;

public sealed class ClamdOptions
{
    public const string SectionName = "Clamd";

    /// <summary>clamd's TCP host; empty means no virus scan (<see cref="NoFileScanner"/>).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 3310;

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>
/// Scans a stream with clamd's INSTREAM command over TCP: "zINSTREAM\0", then chunks of
/// [4-byte big-endian length][bytes], a zero-length chunk to finish, and one reply line such as
/// "stream: OK" or "stream: Eicar-Signature FOUND". A scanner that cannot be reached or answers
/// anything else fails the upload (fail closed) rather than letting an unscanned file through.
/// </summary>
public sealed class ClamdFileScanner(IOptions<ClamdOptions> options, ILogger<ClamdFileScanner> logger) : IFileScanner
{
    private const int ChunkSize = 64 * 1024;

    public async Task<FileScanResult> ScanAsync(Stream content, CancellationToken ct)
    {
        try
        {
            return await ScanOrThrowAsync(content, ct);
        }
        catch (Exception ex) when (ex is SocketException or IOException or InvalidOperationException
                                   || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogError(ex, "The virus scanner at {Host}:{Port} could not scan an upload", options.Value.Host, options.Value.Port);
            return new FileScanResult(FileScanVerdict.Unavailable);
        }
    }

    private async Task<FileScanResult> ScanOrThrowAsync(Stream content, CancellationToken ct)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var client = new TcpClient();
        await client.ConnectAsync(settings.Host!, settings.Port, timeout.Token);
        await using var stream = client.GetStream();

        await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), timeout.Token);
        var buffer = new byte[4 + ChunkSize];
        int read;
        while ((read = await content.ReadAsync(buffer.AsMemory(4, ChunkSize), timeout.Token)) > 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)read);
            await stream.WriteAsync(buffer.AsMemory(0, 4 + read), timeout.Token);
        }

        await stream.WriteAsync(new byte[4], timeout.Token); // zero-length chunk: end of stream
        await stream.FlushAsync(timeout.Token);

        var reply = await ReadReplyAsync(stream, timeout.Token);
        var result = Parse(reply);
        if (!result.Clean)
            logger.LogWarning("Upload refused by the virus scanner: {Signature}", result.Signature);
        return result;
    }

    /// <summary>"stream: OK" is clean; "stream: NAME FOUND" is not; anything else is an error.</summary>
    public static FileScanResult Parse(string reply)
    {
        reply = reply.TrimEnd('\0', '\n', '\r', ' ');
        if (reply.EndsWith(": OK", StringComparison.Ordinal))
            return FileScanResult.Passed;
        if (reply.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            var start = reply.IndexOf(": ", StringComparison.Ordinal);
            var signature = start < 0 ? reply : reply[(start + 2)..^" FOUND".Length];
            return new FileScanResult(FileScanVerdict.Infected, signature);
        }

        throw new InvalidOperationException($"clamd answered something unexpected: {reply}");
    }

    private static async Task<string> ReadReplyAsync(NetworkStream stream, CancellationToken ct)
    {
        var reply = new List<byte>();
        var one = new byte[256];
        while (reply.Count < 4096)
        {
            var read = await stream.ReadAsync(one, ct);
            if (read == 0)
                break;
            reply.AddRange(one.AsSpan(0, read).ToArray());
            if (reply.Contains(0) || reply.Contains((byte)'\n'))
                break;
        }

        return Encoding.ASCII.GetString(reply.ToArray());
    }
}

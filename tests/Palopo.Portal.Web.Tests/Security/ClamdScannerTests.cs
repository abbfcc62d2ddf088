using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Files;
using Palopo.Portal.Infrastructure.Files;
using Palopo.Portal.Testing;

namespace Palopo.Portal.Web.Tests.Security;

/// <summary>
/// A tiny clamd on 127.0.0.1: reads "zINSTREAM\0" and the length-prefixed chunks, and answers like
/// clamd does: "stream: Eicar-Signature FOUND" when the bytes contain the EICAR test string,
/// "stream: OK" otherwise. Records what it received, so the framing itself is checked.
/// </summary>
internal sealed class FakeClamd : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeClamd(string? fixedReply = null, bool hangUp = false)
    {
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(fixedReply, hangUp));
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<byte[]> Received { get; } = [];

    public List<int> ChunkSizes { get; } = [];

    private async Task ServeAsync(string? fixedReply, bool hangUp)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            using (client)
            await using (var stream = client.GetStream())
            {
                if (hangUp)
                    continue;
                var command = new byte[10];
                await stream.ReadExactlyAsync(command);
                if (Encoding.ASCII.GetString(command) != "zINSTREAM\0")
                {
                    await stream.WriteAsync("UNKNOWN COMMAND\0"u8.ToArray());
                    continue;
                }

                var all = new MemoryStream();
                var length = new byte[4];
                while (true)
                {
                    await stream.ReadExactlyAsync(length);
                    var size = (int)BinaryPrimitives.ReadUInt32BigEndian(length);
                    lock (ChunkSizes) ChunkSizes.Add(size);
                    if (size == 0)
                        break;
                    var chunk = new byte[size];
                    await stream.ReadExactlyAsync(chunk);
                    all.Write(chunk);
                }

                lock (Received) Received.Add(all.ToArray());
                var text = Encoding.ASCII.GetString(all.ToArray());
                var reply = fixedReply ?? (text.Contains("EICAR-STANDARD-ANTIVIRUS-TEST-FILE", StringComparison.Ordinal)
                    ? "stream: Eicar-Signature FOUND"
                    : "stream: OK");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\0"));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}

public sealed class ClamdScannerTests
{
    /// <summary>The EICAR anti-virus test string (harmless by design; every scanner reports it).</summary>
    public const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private static ClamdFileScanner Scanner(int port, string host = "127.0.0.1", int timeoutSeconds = 5) =>
        new(Options.Create(new ClamdOptions { Host = host, Port = port, TimeoutSeconds = timeoutSeconds }), NullLogger<ClamdFileScanner>.Instance);

    [Fact]
    public async Task A_clean_file_is_streamed_in_length_prefixed_chunks_and_passes()
    {
        await using var clamd = new FakeClamd();
        var content = new byte[150_000]; // more than two 64 KB chunks
        Random.Shared.NextBytes(content);

        var result = await Scanner(clamd.Port).ScanAsync(new MemoryStream(content), CancellationToken.None);

        Assert.Equal(FileScanVerdict.Clean, result.Verdict);
        Assert.Equal(content, Assert.Single(clamd.Received));
        Assert.Equal([65536, 65536, 150_000 - 131072, 0], clamd.ChunkSizes);
    }

    [Fact]
    public async Task The_eicar_string_is_reported_infected_with_its_signature()
    {
        await using var clamd = new FakeClamd();
        var result = await Scanner(clamd.Port).ScanAsync(new MemoryStream(Encoding.ASCII.GetBytes(Eicar)), CancellationToken.None);
        Assert.Equal(FileScanVerdict.Infected, result.Verdict);
        Assert.Equal("Eicar-Signature", result.Signature);
    }

    [Theory]
    [InlineData("stream: OK", FileScanVerdict.Clean, null)]
    [InlineData("stream: OK\n", FileScanVerdict.Clean, null)]
    [InlineData("stream: Win.Test.EICAR_HDB-1 FOUND", FileScanVerdict.Infected, "Win.Test.EICAR_HDB-1")]
    public void Replies_are_parsed(string reply, FileScanVerdict verdict, string? signature)
    {
        var result = ClamdFileScanner.Parse(reply);
        Assert.Equal(verdict, result.Verdict);
        Assert.Equal(signature, result.Signature);
    }

    [Fact]
    public async Task An_error_reply_a_hang_up_or_no_scanner_at_all_fail_closed_as_unavailable()
    {
        await using (var clamd = new FakeClamd("INSTREAM size limit exceeded. ERROR"))
            Assert.Equal(FileScanVerdict.Unavailable, (await Scanner(clamd.Port).ScanAsync(new MemoryStream([1, 2, 3]), CancellationToken.None)).Verdict);
        await using (var clamd = new FakeClamd(hangUp: true))
            Assert.Equal(FileScanVerdict.Unavailable, (await Scanner(clamd.Port).ScanAsync(new MemoryStream([1, 2, 3]), CancellationToken.None)).Verdict);

        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        Assert.Equal(FileScanVerdict.Unavailable, (await Scanner(closedPort).ScanAsync(new MemoryStream([1]), CancellationToken.None)).Verdict);
    }

    /// <summary>
    /// Against a real clamd when one is configured (PALOPO_CLAMD=host:port); skipped otherwise, since
    /// this machine has no ClamAV daemon running. The fake above exercises the protocol regardless.
    /// </summary>
    [SkippableFactWithoutClamd]
    public async Task A_real_clamd_finds_the_eicar_string()
    {
        var (host, port) = ClamdFromEnvironment()!.Value;
        var scanner = Scanner(port, host, 30);
        Assert.Equal(FileScanVerdict.Infected, (await scanner.ScanAsync(new MemoryStream(Encoding.ASCII.GetBytes(Eicar)), CancellationToken.None)).Verdict);
        Assert.Equal(FileScanVerdict.Clean, (await scanner.ScanAsync(new MemoryStream("%PDF-1.4 hello"u8.ToArray()), CancellationToken.None)).Verdict);
    }

    internal static (string Host, int Port)? ClamdFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable("PALOPO_CLAMD");
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var parts = value.Split(':');
        return (parts[0], parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 3310);
    }
}

/// <summary>A fact that is skipped (with the reason) when PALOPO_CLAMD names no ClamAV daemon.</summary>
public sealed class SkippableFactWithoutClamdAttribute : FactAttribute
{
    public SkippableFactWithoutClamdAttribute()
    {
        if (ClamdScannerTests.ClamdFromEnvironment() is null)
            Skip = "No ClamAV daemon here: set PALOPO_CLAMD=host:port to scan the EICAR string with a real clamd.";
    }
}

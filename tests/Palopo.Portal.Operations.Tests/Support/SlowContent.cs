using System.Net;

namespace Palopo.Portal.Operations.Tests.Support;

/// <summary>A request body sent in pieces with pauses: a slow mobile upload, to keep a request in flight.</summary>
public sealed class SlowContent : HttpContent
{
    private readonly byte[] _body;
    private readonly int _pieces;
    private readonly TimeSpan _pause;

    public SlowContent(HttpContent inner, byte[] body, int pieces, TimeSpan pause)
    {
        _body = body;
        _pieces = pieces;
        _pause = pause;
        foreach (var header in inner.Headers)
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        Headers.ContentLength = body.Length;
    }

    /// <summary>Set once the first piece has gone out.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<SlowContent> FromAsync(HttpContent inner, int pieces, TimeSpan pause) =>
        new(inner, await inner.ReadAsByteArrayAsync(), pieces, pause);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var size = (_body.Length + _pieces - 1) / _pieces;
        for (var offset = 0; offset < _body.Length; offset += size)
        {
            await stream.WriteAsync(_body.AsMemory(offset, Math.Min(size, _body.Length - offset)));
            await stream.FlushAsync();
            Started.TrySetResult();
            if (offset + size < _body.Length)
                await Task.Delay(_pause);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}

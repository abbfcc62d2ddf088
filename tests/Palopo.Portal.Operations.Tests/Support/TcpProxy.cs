using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Palopo.Portal.Operations.Tests.Support;

/// <summary>
/// A loopback TCP forwarder that plays a database server going away and coming back: while stopped,
/// nothing listens on its port (connection refused) and every forwarded connection is cut.
/// </summary>
public sealed class TcpProxy(int port, string targetHost, int targetPort) : IDisposable
{
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    public int Port { get; } = port;

    public void Start()
    {
        if (_listener is not null)
            return;
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public void Stop()
    {
        _stop?.Cancel();
        _listener?.Stop();
        _listener = null;
        foreach (var connection in _connections.Keys)
            connection.Dispose();
        _connections.Clear();
    }

    public void Dispose() => Stop();

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = PipeAsync(client, stop);
        }
    }

    private async Task PipeAsync(TcpClient client, CancellationToken stop)
    {
        using var server = new TcpClient();
        _connections[client] = 0;
        _connections[server] = 0;
        try
        {
            await server.ConnectAsync(targetHost, targetPort, stop);
            var a = client.GetStream().CopyToAsync(server.GetStream(), stop);
            var b = server.GetStream().CopyToAsync(client.GetStream(), stop);
            await Task.WhenAny(a, b);
        }
        catch (Exception)
        {
            // cut: the point of the exercise
        }
        finally
        {
            _connections.TryRemove(client, out _);
            _connections.TryRemove(server, out _);
            client.Dispose();
        }
    }
}

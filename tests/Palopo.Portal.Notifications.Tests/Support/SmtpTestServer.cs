using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace Palopo.Portal.Notifications.Tests.Support;

/// <summary>
/// A real SMTP server (netDumbster) on a loopback port chosen once, which can be stopped and started
/// again on the same port to play a mail server that goes down and comes back.
/// </summary>
internal sealed class SmtpTestServer : IDisposable
{
    private readonly List<MimeMessage> _earlier = [];
    private SimpleSmtpServer? _server;

    private SmtpTestServer(int port) => Port = port;

    public int Port { get; }

    public bool IsRunning => _server is not null;

    /// <summary>A free loopback port with no server on it yet (connections are refused until <see cref="Start"/>).</summary>
    public static SmtpTestServer OnFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new SmtpTestServer(port);
    }

    public static SmtpTestServer StartOnFreePort()
    {
        var server = OnFreePort();
        server.Start();
        return server;
    }

    public void Start()
    {
        if (_server is not null)
            return;
        _server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(Port).Build();
    }

    public void Stop()
    {
        if (_server is null)
            return;
        _earlier.AddRange(Parse(_server));
        _server.Stop();
        _server.Dispose();
        _server = null;
    }

    /// <summary>Every message received, across restarts, parsed with MimeKit.</summary>
    public IReadOnlyList<MimeMessage> Received => [.. _earlier, .. (_server is null ? [] : Parse(_server))];

    public void Dispose() => Stop();

    private static List<MimeMessage> Parse(SimpleSmtpServer server) =>
        server.ReceivedEmail
            .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
            .ToList();
}

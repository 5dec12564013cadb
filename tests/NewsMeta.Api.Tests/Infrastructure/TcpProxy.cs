using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NewsMeta.Api.Tests.Infrastructure;

/// <summary>
/// A loopback TCP forwarder in front of the database, so a test can take the database away (every
/// connection cut, new ones refused) and bring it back on the same port, as an outage would.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public TcpProxy(string targetHost, int targetPort)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(targetHost).First(a => a.AddressFamily == AddressFamily.InterNetwork), targetPort);
        Start();
    }

    public int Port { get; private set; }

    /// <summary>Listens again (on the same port after the first start).</summary>
    public void Start()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener, _stop.Token);
    }

    /// <summary>Refuses new connections and cuts every open one.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _listener?.Stop();
        foreach (var client in _open.Keys)
        {
            client.Close();
        }

        _open.Clear();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(incoming, ct);
        }
    }

    private async Task ForwardAsync(TcpClient incoming, CancellationToken ct)
    {
        var outgoing = new TcpClient();
        _open[incoming] = 0;
        _open[outgoing] = 0;
        try
        {
            await outgoing.ConnectAsync(_target, ct);
            await Task.WhenAny(
                incoming.GetStream().CopyToAsync(outgoing.GetStream(), ct),
                outgoing.GetStream().CopyToAsync(incoming.GetStream(), ct));
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Cut on purpose, or by either side.
        }
        finally
        {
            incoming.Close();
            outgoing.Close();
            _open.TryRemove(incoming, out _);
            _open.TryRemove(outgoing, out _);
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace InterviewTools.FakeGemini;

/// <summary>
/// A base URL on 127.0.0.1 where nothing listens, so a connection is refused at once (ECONNREFUSED), as an endpoint
/// that is down or mistyped refuses it. The port was bound and released, so no other test server holds it.
/// </summary>
public static class RefusedEndpoint
{
    public static string Reserve()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}

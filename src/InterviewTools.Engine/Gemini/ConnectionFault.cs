using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace InterviewTools.Engine.Gemini
{
    /// <summary>Tells a connection that could not be made at all (refused, no such host, TLS refused) from one that broke mid-answer.</summary>
    internal static class ConnectionFault
    {
        public static bool IsUnreachable(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                switch (e)
                {
                    case SocketException socket when IsUnreachable(socket.SocketErrorCode):
                    case AuthenticationException _:
                        return true;
                    // Mono's HttpClient reports through WebException rather than a SocketException.
                    case WebException web when IsUnreachable(web.Status):
                        return true;
                }
            }
            return false;
        }

        private static bool IsUnreachable(SocketError error) =>
            error == SocketError.ConnectionRefused || error == SocketError.HostNotFound || error == SocketError.NoData || error == SocketError.TryAgain ||
            error == SocketError.HostUnreachable || error == SocketError.NetworkUnreachable || error == SocketError.AddressNotAvailable;

        private static bool IsUnreachable(WebExceptionStatus status) =>
            status == WebExceptionStatus.ConnectFailure || status == WebExceptionStatus.NameResolutionFailure || status == WebExceptionStatus.ProxyNameResolutionFailure ||
            status == WebExceptionStatus.TrustFailure || status == WebExceptionStatus.SecureChannelFailure;
    }
}

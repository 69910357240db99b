namespace BackendLab;

/// <summary>A handler that refuses any request not addressed to this machine (see <see cref="Loopback.Require(Uri)"/>), for clients built on a custom <see cref="SocketsHttpHandler"/>.</summary>
internal sealed class LoopbackOnly(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri) Loopback.Require(uri);
        return base.SendAsync(request, cancellationToken);
    }
}

namespace BackendLab;

/// <summary>
/// An <see cref="HttpClient"/> handler that refuses any request not addressed to this machine
/// (see <see cref="Loopback.Require(Uri)"/>) and never uses a proxy. Every client BackendLab creates uses it.
/// </summary>
public sealed class LoopbackHandler : DelegatingHandler
{
    /// <summary>A handler over a fresh <see cref="SocketsHttpHandler"/> with proxies turned off.</summary>
    public LoopbackHandler() : base(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { }

    /// <summary>A handler that checks every request's address, then passes it to <paramref name="inner"/>.</summary>
    /// <param name="inner">The handler that sends, e.g. a <see cref="SocketsHttpHandler"/> with your own settings.</param>
    public LoopbackHandler(HttpMessageHandler inner) : base(inner) { }

    /// <summary>Creates a client for <paramref name="baseAddress"/> (must be loopback) that gives up after <paramref name="timeout"/>.</summary>
    public static HttpClient CreateClient(Uri baseAddress, TimeSpan timeout) =>
        new(new LoopbackHandler()) { BaseAddress = Loopback.Require(baseAddress), Timeout = timeout };

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri) Loopback.Require(uri);
        return base.SendAsync(request, cancellationToken);
    }
}

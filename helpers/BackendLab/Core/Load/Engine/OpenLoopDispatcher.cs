using System.Diagnostics;

namespace BackendLab.LoadEngine;

/// <summary>
/// Hands scheduled requests to idle connections. The pacer thread starts a request itself on an idle connection
/// (no thread hop, so it leaves on time); a connection that finishes takes the oldest waiting request, or goes idle.
/// When every connection is busy, up to one request per connection waits (it will be late); beyond that they are dropped.
/// </summary>
internal sealed class OpenLoopDispatcher(HttpConnection[] connections, Action<Outcome, long, long> record)
{
    readonly object _gate = new();
    readonly Stack<HttpConnection> _idle = new(connections);
    readonly Queue<long> _waiting = new();
    readonly TaskCompletionSource _allDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    bool _complete;

    /// <summary>Completes when <see cref="Complete"/> was called and every request has finished.</summary>
    public Task AllDone => _allDone.Task;

    /// <summary>Sends (or queues) the request scheduled at <paramref name="scheduled"/>; false if it had to be dropped.</summary>
    public bool TrySend(long scheduled)
    {
        HttpConnection? connection;
        lock (_gate)
        {
            if (!_idle.TryPop(out connection))
            {
                if (_waiting.Count >= connections.Length) return false;
                _waiting.Enqueue(scheduled);
                return true;
            }
        }
        _ = ServeAsync(connection, scheduled);
        return true;
    }

    /// <summary>No more requests will come.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _complete = true;
            if (_idle.Count == connections.Length) _allDone.TrySetResult();
        }
    }

    async Task ServeAsync(HttpConnection connection, long scheduled)
    {
        while (true)
        {
            var sent = Stopwatch.GetTimestamp();
            var outcome = await connection.ExchangeAsync();
            record(outcome, scheduled, sent);
            lock (_gate)
            {
                if (_waiting.TryDequeue(out scheduled)) continue;
                _idle.Push(connection);
                if (_complete && _idle.Count == connections.Length) _allDone.TrySetResult();
                return;
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http;
using System.Text;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// Step 5's load: <c>users</c> clients book one seat each with their own <c>Idempotency-Key</c>, through a proxy, until
/// every key is answered or the time is up; a failed request is retried with its key (up to 3 tries, 20 ms apart), and
/// every 4th key is sent a second time after its answer (a client that lost the response). When a third of the keys are
/// answered, <c>midway</c> runs (the check stops an instance there). Every request is kept with its times and answer.
/// </summary>
internal sealed class BookingRun
{
    readonly ConcurrentBag<BookingAttempt> _attempts = [];
    readonly ConcurrentDictionary<string, int> _final = new();

    /// <summary>Every request sent, in no particular order.</summary>
    public IReadOnlyCollection<BookingAttempt> Attempts => _attempts;

    /// <summary>Each key's last answer: 200, 409, or 0 when every try failed.</summary>
    public IReadOnlyDictionary<string, int> Final => _final;

    /// <summary>When <c>midway</c> started and ended, since the run started.</summary>
    public (TimeSpan Start, TimeSpan End) Midway { get; private set; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Keys sent a second time after their answer, with both answers.</summary>
    public ConcurrentBag<(string Key, int First, int Again)> Repeats { get; } = [];

    public static async Task<BookingRun> RunAsync(HttpClient client, string path, int keys, int users, Func<Task> midway, TimeSpan limit)
    {
        var run = new BookingRun();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(limit);
        var next = -1;
        var answered = 0;
        var midwayDone = Task.CompletedTask;
        var gate = new object();
        async Task UserAsync()
        {
            while (Interlocked.Increment(ref next) is var i && i < keys && !stop.IsCancellationRequested)
            {
                var key = $"q5-{i}-{Guid.NewGuid():N}";
                var status = await run.BookAsync(client, path, key, clock, stop.Token);
                run._final[key] = status;
                if (i % 4 == 3) run.Repeats.Add((key, status, await run.BookAsync(client, path, key, clock, stop.Token)));
                if (Interlocked.Increment(ref answered) == keys / 3)
                    lock (gate) midwayDone = run.TimeMidwayAsync(midway, clock);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, users).Select(_ => Task.Run(UserAsync)));
        await midwayDone;
        run.Elapsed = clock.Elapsed;
        return run;
    }

    async Task TimeMidwayAsync(Func<Task> midway, Stopwatch clock)
    {
        var start = clock.Elapsed;
        await midway();
        Midway = (start, clock.Elapsed);
    }

    // One key until it gets an answer from the service (200 or 409, or anything the service itself said), 3 tries at most.
    async Task<int> BookAsync(HttpClient client, string path, string key, Stopwatch clock, CancellationToken stop)
    {
        for (var attempt = 1; ; attempt++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("""{"seats":1}""", Encoding.UTF8, "application/json") };
            request.Headers.Add(Tickets.IdempotencyKeyHeader, key);
            var start = clock.Elapsed;
            int status; string? instance = null, cause = null;
            try
            {
                using var response = await client.SendAsync(request, stop);
                status = (int)response.StatusCode;
                instance = response.Headers.TryGetValues(L05State.Cluster.InstanceHeader, out var names) ? names.First() : null;
                if (status is not (200 or 409)) cause = $"{status} {response.ReasonPhrase}" + (instance is null ? " from the proxy (no instance answered)" : $" from instance {instance}: {Shown.Value(await response.Content.ReadAsStringAsync(stop))}");
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                status = 0;
                cause = e is OperationCanceledException ? "no answer before the run's time limit" : $"`{e.GetType().Name}`: {e.Message}";
            }
            _attempts.Add(new BookingAttempt(key, attempt, start, clock.Elapsed, status, instance, cause));
            if (cause is null || instance is not null || attempt == 3 || stop.IsCancellationRequested) return status;
            await Task.Delay(20, stop).ContinueWith(_ => { });
        }
    }
}

/// <summary>One request of step 5's load: its key, try number, times since the run started, status (0: no answer), who answered, and why it failed.</summary>
internal sealed record BookingAttempt(string Key, int Attempt, TimeSpan Start, TimeSpan End, int Status, string? Instance, string? Cause)
{
    public bool Failed => Cause is not null;
}

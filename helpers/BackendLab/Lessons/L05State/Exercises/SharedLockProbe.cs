using System.Net.Http;

namespace BackendLab.Lessons.L05State;

/// <summary>
/// Finds a fix that holds only because a cluster's instances share one process (Lesson 5's check): a <c>SemaphoreSlim</c>
/// or <c>lock</c> declared outside the learner's map is one lock for both instances here, but real instances are separate
/// processes, each with its own. The probe holds a request on instance A at its first store call and sends the same
/// request to instance B: with an atomic update or optimistic concurrency B finishes meanwhile; with a shared lock it waits.
/// </summary>
internal static class SharedLockProbe
{
    /// <summary>What the probe saw.</summary>
    /// <param name="HeldOnA">A's request reached the store (and was held there).</param>
    /// <param name="BWaitedForA">B's request did not finish while A's was held, but did once A's went on.</param>
    /// <param name="BothAnswered">Both requests answered once A's was released.</param>
    public sealed record Outcome(bool HeldOnA, bool BWaitedForA, bool BothAnswered);

    /// <summary>Sends <paramref name="request"/> to instance A, holds it at its first store call, and sends it to B meanwhile.</summary>
    /// <param name="cluster">The learner's two-instance cluster.</param>
    /// <param name="store">The store both instances use.</param>
    /// <param name="request">Builds the request (one store update), e.g. <c>POST /score/cy?points=1</c>.</param>
    /// <param name="patience">How long B gets to finish while A is held (and A to reach the store).</param>
    public static async Task<Outcome> RunAsync(Cluster cluster, RemoteLikeStore store, Func<HttpRequestMessage> request, TimeSpan patience)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.BeforeNextCall(() => { reached.TrySetResult(); return release.Task; });
        var onA = cluster["A"].Server.Client.SendAsync(request());
        Task<HttpResponseMessage>? onB = null;
        var heldOnA = await Task.WhenAny(reached.Task, onA, Task.Delay(patience)) == reached.Task;
        var bFinishedMeanwhile = false;
        if (heldOnA)
        {
            onB = cluster["B"].Server.Client.SendAsync(request());
            bFinishedMeanwhile = await Task.WhenAny(onB, Task.Delay(patience)) == onB;
        }
        store.BeforeNextCall(null);
        release.TrySetResult();
        Task all = onB is null ? onA : Task.WhenAll(onA, onB);
        var bothAnswered = await Task.WhenAny(all, Task.Delay(patience)) == all && all.IsCompletedSuccessfully;
        return new Outcome(heldOnA, heldOnA && !bFinishedMeanwhile && bothAnswered, bothAnswered);
    }
}

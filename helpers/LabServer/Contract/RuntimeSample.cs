namespace BackendLab;

/// <summary>
/// What the lab server's sampler thread saw at one moment (it samples every 100 ms on a thread of its own, so it
/// keeps sampling while the thread pool is starved), at <c>/runtime/samples</c>. Compiled into BackendLab and the lab
/// server alike (helpers/LabServer/Contract).
/// </summary>
/// <param name="Ms">Milliseconds since the server process started.</param>
/// <param name="ThreadPoolThreads">Threads in the server's thread pool.</param>
/// <param name="PendingWorkItems">Work items queued in the pool, waiting for a thread (requests waiting to be handled, among others).</param>
/// <param name="RequestsFinished">Requests the server has finished since it started.</param>
/// <param name="CpuMs">CPU time the server process has used, in milliseconds.</param>
/// <param name="Gen0Collections">Generation-0 garbage collections so far.</param>
public sealed record RuntimeSample(double Ms, int ThreadPoolThreads, long PendingWorkItems, long RequestsFinished, double CpuMs, int Gen0Collections);

/// <summary>The JIT compiler's work so far, and how long the request that was just handled took inside the server.</summary>
/// <param name="MethodsCompiled">Methods the JIT compiler has compiled since the process started.</param>
/// <param name="JitMs">Milliseconds spent JIT-compiling since the process started.</param>
/// <param name="HandlerMs">For a request: milliseconds between the request entering the server's pipeline and its response being done.</param>
public sealed record JitSnapshot(long MethodsCompiled, double JitMs, double HandlerMs);

/// <summary>The JIT work done to start the lab server, and after each of its first 20 requests.</summary>
/// <param name="AtStart">When the server started listening.</param>
/// <param name="AfterRequest">After request 1, 2, 3… (at most 20).</param>
public sealed record JitReport(JitSnapshot AtStart, IReadOnlyList<JitSnapshot> AfterRequest);

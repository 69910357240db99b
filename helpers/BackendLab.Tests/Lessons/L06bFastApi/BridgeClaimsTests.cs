namespace BackendLab.Tests.Lessons.L06bFastApi;

/// <summary>
/// Each of lesson 6b's claims, on measurements shaped like those of 1, 2, 4 and 16 cores, idle and busy: what the
/// physics gives must pass; what would contradict the lesson (no GIL, workers that add nothing, broken pinning, no
/// difference in cost or memory) must fail.
/// </summary>
public class BridgeClaimsTests
{
    public static TheoryData<int, bool> Machines()
    {
        var data = new TheoryData<int, bool>();
        foreach (var cores in new[] { 1, 2, 4, 16 }) { data.Add(cores, false); data.Add(cores, true); }
        return data;
    }

    static void AllHold(IReadOnlyList<(string Statement, bool Holds)> statements) =>
        Assert.True(statements.Count > 0 && statements.All(s => s.Holds), string.Join("\n", statements.Select(s => (s.Holds ? "✓ " : "✗ ") + s.Statement)));

    static void SomeFails(IReadOnlyList<(string Statement, bool Holds)> statements) =>
        Assert.True(statements.Any(s => !s.Holds), "expected a failing statement:\n" + string.Join("\n", statements.Select(s => s.Statement)));

    [Theory, MemberData(nameof(Machines))]
    public void TheAsyncWaitScalesOnEveryServer(int cores, bool busy) => AllHold(BridgeClaims.AsyncWaitStatements(SyntheticBridge.Wait(cores, busy)));

    [Theory, MemberData(nameof(Machines))]
    public void AWaitThatDoesNotScaleFails(int cores, bool busy) =>
        SomeFails(BridgeClaims.AsyncWaitStatements(SyntheticBridge.Wait(cores, busy, flatten: 0.1)));

    [Theory, MemberData(nameof(Machines))]
    public void CpuBoundClaimsHoldForWhatTheBudgetAllows(int cores, bool busy)
    {
        var statements = BridgeClaims.CpuBoundStatements(SyntheticBridge.Cpu(cores, busy));
        AllHold(statements);
        // Worded for the budget: a gain is promised only when there are cores to gain from
        Assert.Equal(cores >= 2, statements.Any(s => s.Statement.Contains($"with {cores} cores", StringComparison.Ordinal)));
        Assert.Equal(cores == 1, statements.Any(s => s.Statement.Contains("1-core budget", StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(Machines))]
    public void OneWorkerOnTwoCoresWouldContradictTheGil(int cores, bool busy) =>
        SomeFails(BridgeClaims.CpuBoundStatements(SyntheticBridge.Cpu(cores, busy, oneWorkerCores: busy ? 3.8 : 1.9)));

    [Theory]
    [InlineData(2, false)]
    [InlineData(2, true)]
    [InlineData(4, false)]
    [InlineData(4, true)]
    [InlineData(16, false)]
    [InlineData(16, true)]
    public void WorkersThatAddNothingOnSeveralCoresFail(int cores, bool busy) =>
        SomeFails(BridgeClaims.CpuBoundStatements(SyntheticBridge.Cpu(cores, busy, workerGain: 1.05)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WorkersBeyondAOneCoreBudgetFail(bool busy) =>
        // Two cores' worth of CPU on a 1-core budget means the pinning did not hold
        SomeFails(BridgeClaims.CpuBoundStatements(SyntheticBridge.Cpu(1, busy, workerGain: busy ? 3.8 : 1.9)));

    [Theory, MemberData(nameof(Machines))]
    public void FastApiCostsMoreCpuPerRequest(int cores, bool busy) =>
        AllHold(BridgeClaims.CpuPerRequestStatements(SyntheticBridge.Json(cores, busy)));

    [Theory, MemberData(nameof(Machines))]
    public void EqualCostsPerRequestFail(int cores, bool busy) =>
        SomeFails(BridgeClaims.CpuPerRequestStatements(SyntheticBridge.Json(cores, busy, pythonCpuMs: 0.05, kestrelCpuMs: 0.04)));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(16)]
    public void WorkersCostProcessesAndMemory(int cores)
    {
        var workers = BridgeServers.WorkersFor(CoreBudget.From(cores, Enumerable.Range(0, cores).ToList(), leaveOneForLoadGenerator: false));
        AllHold(BridgeClaims.MemoryStatements(SyntheticBridge.Memory(workers)));
        SomeFails(BridgeClaims.MemoryStatements(SyntheticBridge.Memory(workers, workerMb: 40.0 / (workers + 1))));
        SomeFails(BridgeClaims.MemoryStatements(SyntheticBridge.Memory(workers, processes: workers)));
    }

    [Fact]
    public void WithoutFastApiTheClaimsShowASkipNotAFailure()
    {
        var kestrelOnly = new BridgeSweep("/cpu?ms=5", 1, [SyntheticBridge.Cpu(1, false).Of(BridgeServerKind.Kestrel)!]);
        foreach (var shown in new[] { BridgeClaims.CpuBound(kestrelOnly), BridgeClaims.AsyncWait(kestrelOnly), BridgeClaims.CpuPerRequest(kestrelOnly),
                     BridgeClaims.Memory(new BridgeMemory([new("Kestrel", BridgeServerKind.Kestrel, 1, [90_000_000])])) })
        {
            var html = new StringWriter();
            shown.WriteTo(html, System.Text.Encodings.Web.HtmlEncoder.Default);
            Assert.Contains("data-backendlab-skip=\"true\"", html.ToString());
            Assert.Contains("To install it", html.ToString());
        }
    }
}

namespace BackendLab.Tests.Lessons.L06bFastApi;

/// <summary>Lesson 6b's three servers on one core budget, with Python and without it.</summary>
[Collection("servers")]
public class BridgeServersTests
{
    [FastApiFact]
    public async Task BridgeServersPinEveryProcessToTheBudgetAndMeasureEachServer()
    {
        var budget = CoreBudget.From(1, CoreBudget.ForServers(64, leaveOneForLoadGenerator: false).UsableCores);
        var servers = await BridgeServers.StartAsync(FastApiFactAttribute.Python, budget);
        try
        {
            Assert.Equal(["FastAPI, 1 worker", "FastAPI, 2 workers", "Kestrel"], servers.Servers.Select(s => s.Name));
            if (OperatingSystem.IsLinux())
            {
                Assert.Equal(1, servers.Cores);
                Assert.All(servers.Servers.SelectMany(s => s.ProcessIds), pid => Assert.Equal(1, CoreBudget.CoresOf(pid)));
            }
            var kestrel = (LabProcess)servers.Servers.Single(s => s.Kind == BridgeServerKind.Kestrel).Handle;
            Assert.Equal(1, (await kestrel.GetStatsAsync()).ProcessorCount); // DOTNET_PROCESSOR_COUNT reached the child

            var sweep = await servers.SweepAsync("/cpu?ms=2", [1, 4], TimeSpan.FromSeconds(0.3));
            Assert.True(sweep.IsComplete);
            foreach (var s in sweep.Servers)
                foreach (var p in s.Points)
                {
                    Assert.Equal(0, p.Errors);
                    // Each request computed 2 ms of CPU time in the server's processes, measured from outside
                    Assert.True(p.CpuPerRequest >= TimeSpan.FromMilliseconds(1.9), $"{s.Server}, {p.Users} users: {p}");
                }
            var memory = servers.Memory();
            Assert.Equal(3, memory.Of(BridgeServerKind.FastApiWorkers)!.Processes);
            Assert.All(memory.Servers.SelectMany(m => m.BytesPerProcess), b => Assert.InRange(b, 5_000_000, 2_000_000_000));
        }
        finally { await servers.DisposeAsync(); }
    }

    [Fact]
    public async Task WithoutPythonEverythingIsSkippedCleanlyAndKestrelStillRuns()
    {
        var missing = FastApiSetup.Find("/nonexistent/python3");
        Assert.False(missing.IsAvailable);
        Assert.Contains("/nonexistent/python3", missing.Problem);
        Assert.Contains("data-backendlab-skip=\"true\"", Processes.Html(missing));

        var previous = Environment.GetEnvironmentVariable(FastApiSetup.PythonVariable);
        Environment.SetEnvironmentVariable(FastApiSetup.PythonVariable, "/nonexistent/python3");
        try { Assert.False(FastApiSetup.Find().IsAvailable); }
        finally { Environment.SetEnvironmentVariable(FastApiSetup.PythonVariable, previous); }

        await Assert.ThrowsAsync<InvalidOperationException>(() => FastApiServer.StartAsync("never", missing));
        var servers = await BridgeServers.StartAsync(missing, CoreBudget.ForServers(1));
        try
        {
            Assert.Equal(["Kestrel"], servers.Servers.Select(s => s.Name));
            Assert.Contains("data-backendlab-skip=\"true\"", Processes.Html(servers));
            var sweep = await servers.SweepAsync("/delay?ms=5", [1], TimeSpan.FromSeconds(0.2));
            Assert.False(sweep.IsComplete);
            Assert.Contains("data-backendlab-skip=\"true\"", Processes.Html(BridgeClaims.AsyncWait(sweep)));
            Assert.Contains("Kestrel", Processes.Html(sweep));
        }
        finally { await servers.DisposeAsync(); }
    }

    [FastApiFact]
    public void TheSetupReportsTheVersionsThatRun()
    {
        var python = FastApiFactAttribute.Python;
        Assert.True(python.IsAvailable);
        foreach (var key in new[] { "python", "fastapi", "uvicorn", "loop", "http" }) Assert.False(string.IsNullOrEmpty(python.Versions[key]), key);
        Assert.Contains($"FastAPI {python.Versions["fastapi"]}", python.ToString());
    }

    [FastApiFact]
    public void TheSideBySideViewShowsBothFilesRoutes()
    {
        var html = Processes.Html(FastApiTwin.SideBySide());
        foreach (var route in FastApiTwin.Routes) Assert.Contains($"MapGet(", FastApiTwin.CSharpSource());
        Assert.DoesNotContain("not found", FastApiTwin.CSharpSource());
        Assert.Contains("asyncio.sleep", html);
        Assert.Contains("Task.Delay", html);
    }
}

using System.Diagnostics;
using System.Net.Http;

namespace BackendLab.Tests.PythonBridge;

[Collection("servers")]
public class FastApiServerTests
{
    static FastApiSetup Python => FastApiFactAttribute.Python;

    [FastApiFact]
    public async Task ServesTheThreeEndpointsFromItsOwnProcessAndIsGoneAfterDispose()
    {
        var server = await FastApiServer.StartAsync("fastapi-test", Python);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal("waited 20 ms", await client.GetStringAsync("delay?ms=20"));
        Assert.StartsWith("computed ", await client.GetStringAsync("cpu?ms=2"));
        var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("json?items=3"));
        Assert.Equal(3, json.RootElement.GetArrayLength());
        Assert.Equal("item 2", json.RootElement[1].GetProperty("name").GetString());

        Assert.Equal([server.ProcessId], server.ProcessIds);
        Assert.NotEqual(Environment.ProcessId, server.ProcessId);
        Assert.True(new Uri(server.Url).IsLoopback);
        await server.DisposeAsync();
        Assert.False(Alive(server.ProcessId));
    }

    [FastApiFact]
    public async Task WorkersAreSeparateProcessesThatServeAndEndWithTheServer()
    {
        var server = await FastApiServer.StartAsync("fastapi-workers-test", Python, workers: 2);
        Assert.Equal(3, server.ProcessIds.Count); // the master and two workers
        Assert.All(server.ProcessIds, pid => Assert.True(Alive(pid)));
        var r = await BackendLab.Load.RunAsync(server.Url + "/delay?ms=5", new LoadOptions { Concurrency = 8, Duration = TimeSpan.FromSeconds(0.3), Warmup = TimeSpan.Zero });
        Assert.Equal(0, r.Errors);
        Assert.True(r.Ok > 8, r.ToString());
        await server.DisposeAsync();
        await WaitUntilGone(server.ProcessIds);
    }

    [FastApiFact]
    public async Task StartingAgainUnderTheSameNameReplacesTheOldServer()
    {
        var first = await FastApiServer.StartAsync("fastapi-replace", Python, workers: 2);
        var second = await FastApiServer.StartAsync("fastapi-replace", Python);
        try
        {
            await WaitUntilGone(first.ProcessIds);
            Assert.True(first.HasExited);
            using var client = new HttpClient { BaseAddress = second.BaseAddress };
            Assert.Equal("waited 1 ms", await client.GetStringAsync("delay?ms=1"));
        }
        finally { await second.DisposeAsync(); }
    }

    [FastApiFact]
    public async Task DiesWithItsParentWhenTheParentIsKilled()
    {
        // A parent process starts the server exactly as BackendLab does (stdin a pipe from the parent, --parent-pid),
        // relays its lines, and is then killed with SIGKILL: no chance to clean up.
        var start = FastApiServer.StartInfo(Python.Interpreter!, workers: 2, parentPid: 0);
        var parent = new ProcessStartInfo(Python.Interpreter!) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        parent.ArgumentList.Add("-c");
        parent.ArgumentList.Add("""
            import os, subprocess, sys
            args = [a if a != "0" or sys.argv[i] != "--parent-pid" else str(os.getpid()) for i, a in enumerate(sys.argv[1:])]
            child = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
            for line in child.stdout:
                sys.stdout.write(line.decode()); sys.stdout.flush()
            """);
        parent.ArgumentList.Add(start.FileName);
        foreach (var arg in start.ArgumentList) parent.ArgumentList.Add(arg);
        using var process = Process.Start(parent)!;
        var (address, workers) = await FastApiServer.ReadReadyAsync(process, 2, TimeSpan.FromSeconds(30));
        var serverPids = ChildrenOf(process.Id).Concat(workers).Distinct().ToList();
        Assert.Equal(3, serverPids.Count);
        using (var client = new HttpClient()) Assert.Equal("waited 1 ms", await client.GetStringAsync(address + "/delay?ms=1"));

        process.Kill(); // SIGKILL
        await WaitUntilGone(serverPids);
    }

    [FastApiFact]
    public async Task WorkersExitWhenTheirMasterIsKilled()
    {
        var server = await FastApiServer.StartAsync("fastapi-orphans", Python, workers: 2);
        try
        {
            using (var master = Process.GetProcessById(server.ProcessId)) master.Kill(); // SIGKILL: the master cannot end them
            await WaitUntilGone(server.WorkerProcessIds);
        }
        finally { await server.DisposeAsync(); }
    }

    [FastApiFact]
    public async Task BridgeServersPinEveryProcessToTheBudgetAndMeasureEachServer()
    {
        var budget = CoreBudget.From(1, CoreBudget.ForServers(64, leaveOneForLoadGenerator: false).UsableCores);
        var servers = await BridgeServers.StartAsync(Python, budget);
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
        Assert.Contains("data-backendlab-skip=\"true\"", Html(missing));

        var previous = Environment.GetEnvironmentVariable(FastApiSetup.PythonVariable);
        Environment.SetEnvironmentVariable(FastApiSetup.PythonVariable, "/nonexistent/python3");
        try { Assert.False(FastApiSetup.Find().IsAvailable); }
        finally { Environment.SetEnvironmentVariable(FastApiSetup.PythonVariable, previous); }

        await Assert.ThrowsAsync<InvalidOperationException>(() => FastApiServer.StartAsync("never", missing));
        var servers = await BridgeServers.StartAsync(missing, CoreBudget.ForServers(1));
        try
        {
            Assert.Equal(["Kestrel"], servers.Servers.Select(s => s.Name));
            Assert.Contains("data-backendlab-skip=\"true\"", Html(servers));
            var sweep = await servers.SweepAsync("/delay?ms=5", [1], TimeSpan.FromSeconds(0.2));
            Assert.False(sweep.IsComplete);
            Assert.Contains("data-backendlab-skip=\"true\"", Html(BridgeClaims.AsyncWait(sweep)));
            Assert.Contains("Kestrel", Html(sweep));
        }
        finally { await servers.DisposeAsync(); }
    }

    [FastApiFact]
    public void TheSetupReportsTheVersionsThatRun()
    {
        Assert.True(Python.IsAvailable);
        foreach (var key in new[] { "python", "fastapi", "uvicorn", "loop", "http" }) Assert.False(string.IsNullOrEmpty(Python.Versions[key]), key);
        Assert.Contains($"FastAPI {Python.Versions["fastapi"]}", Python.ToString());
    }

    [FastApiFact]
    public void TheSideBySideViewShowsBothFilesRoutes()
    {
        var html = Html(FastApiTwin.SideBySide());
        foreach (var route in FastApiTwin.Routes) Assert.Contains($"MapGet(", FastApiTwin.CSharpSource());
        Assert.DoesNotContain("not found", FastApiTwin.CSharpSource());
        Assert.Contains("asyncio.sleep", html);
        Assert.Contains("Task.Delay", html);
    }

    static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    static IEnumerable<int> ChildrenOf(int pid) =>
        File.Exists($"/proc/{pid}/task/{pid}/children")
            ? File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)
            : [];

    static async Task WaitUntilGone(IEnumerable<int> pids)
    {
        var list = pids.ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (list.Any(Alive) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(!list.Any(Alive), $"still running: {string.Join(", ", list.Where(Alive))}");
    }

    static bool Alive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            if (p.HasExited) return false;
            // A zombie (exited, not yet reaped by its parent) has stopped running
            return !OperatingSystem.IsLinux() || !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException) { return false; }
    }
}

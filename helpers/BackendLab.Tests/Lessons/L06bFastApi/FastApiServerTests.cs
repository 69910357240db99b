using System.Diagnostics;
using System.Net.Http;
using static BackendLab.Tests.Lessons.L06bFastApi.Processes;

namespace BackendLab.Tests.Lessons.L06bFastApi;

/// <summary>The FastAPI twin on uvicorn as a server like any other: its own processes, listed, replaced, stopped, never left behind.</summary>
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
    public async Task IsListedInServersAndReplacesAServerOfAnotherKindUnderItsName()
    {
        var lab = await LabProcess.StartAsync("fastapi-any-kind");
        var py = await FastApiServer.StartAsync("fastapi-any-kind", Python);
        try
        {
            Assert.False(lab.IsRunning);
            await WaitUntilGone([lab.ProcessId]);
            Assert.Contains("fastapi-any-kind", Servers.Running);
            Assert.Equal("waited 1 ms", await py.Client.GetStringAsync("/delay?ms=1"));
            Assert.Contains("FastAPI on uvicorn", Html(py)); // its card: kind and workers
            Assert.Contains("1 worker,", Html(py));
        }
        finally { await py.StopAsync(); }
        Assert.DoesNotContain("fastapi-any-kind", Servers.Running);
    }

    [FastApiFact]
    public async Task StopAllStopsItWithEveryOtherServer()
    {
        var py = await FastApiServer.StartAsync("fastapi-stop-all", Python, workers: 2);
        var pids = py.ProcessIds;
        await Servers.StopAllAsync();
        Assert.False(py.IsRunning);
        Assert.DoesNotContain("fastapi-stop-all", Servers.Running);
        await WaitUntilGone(pids);
    }
}

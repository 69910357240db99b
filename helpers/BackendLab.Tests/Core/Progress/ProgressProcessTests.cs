using System.Diagnostics;

namespace BackendLab.Tests;

/// <summary>
/// Progress across real processes: this test assembly started as child programs (<see cref="ProgressChild"/>),
/// the way two notebooks open at once are two kernel processes.
/// </summary>
public class ProgressProcessTests
{
    const int Processes = 4;
    const int ChecksEach = 60;

    [Fact]
    public async Task ConcurrentWritersInSeveralProcessesLoseNothing()
    {
        using var temp = new TempProgress();
        var go = Path.Combine(temp.Folder, "go");
        var children = Enumerable.Range(0, Processes)
            .Select(p => Child(["record", temp.File, $"p{p}", ChecksEach.ToString(), go], env => { })).ToList();
        foreach (var child in children) Assert.Equal("ready", await child.StandardOutput.ReadLineAsync()); // all started and waiting
        File.WriteAllText(go, ""); // …then all at once
        foreach (var child in children) await Finished(child);

        var items = new ProgressStore(temp.File).Read().Items;
        Assert.Equal(Processes * ChecksEach + 1, items.Count);
        for (var p = 0; p < Processes; p++)
            for (var i = 0; i < ChecksEach; i++)
            {
                var entry = items[$"99-concurrency/p{p}-q{i}"];
                Assert.Equal(i % 2 == 0 ? CheckOutcome.Correct : CheckOutcome.Incorrect, entry.Last);
                Assert.Equal(1, entry.Attempts);
            }
        // Every process checked the shared item once per check of its own: a lost update would show as fewer.
        Assert.Equal(Processes * ChecksEach, items["99-concurrency/shared"].Attempts);
        Assert.Equal(["progress.json", "progress.json.lock"], Directory.GetFiles(temp.Folder).Select(Path.GetFileName).Where(f => f != "go").Order());
    }

    [Fact]
    public async Task WithTheSwitchUnsetAChildRecordsInItsProfileFolder()
    {
        if (!OperatingSystem.IsLinux()) return; // where HOME and XDG_DATA_HOME decide the profile folder
        using var temp = new TempProgress();
        var data = Directory.CreateDirectory(Path.Combine(temp.Folder, "data")).FullName;
        var go = Path.Combine(temp.Folder, "go");
        File.WriteAllText(go, "");
        var child = Child(["record", "default", "solo", "3", go], env => env["XDG_DATA_HOME"] = data);
        await Finished(child);

        var file = Path.Combine(data, "backend-fundamentals-csharp", "progress.json");
        Assert.Equal(4, new ProgressStore(file).Read().Items.Count);
    }

    [Fact]
    public async Task CodeOfThisTestAssemblyRecordsNothingEvenInAFreshProcessWithoutTheSwitch()
    {
        var home = Directory.CreateTempSubdirectory("progress-home-").FullName;
        try
        {
            var child = Child(["check"], env =>
            {
                env.Remove("BACKENDLAB_PROGRESS");
                foreach (var name in new[] { "HOME", "USERPROFILE", "LOCALAPPDATA" }) env[name] = home;
                env["XDG_DATA_HOME"] = Path.Combine(home, "data");
            });
            Assert.Equal("correct", await child.StandardOutput.ReadLineAsync()); // a real check ran and judged
            await Finished(child);
            Assert.DoesNotContain(Directory.GetFileSystemEntries(home, "*", SearchOption.AllDirectories),
                p => p.Contains("backend-fundamentals-csharp") || Path.GetFileName(p).StartsWith("progress", StringComparison.Ordinal));
            Assert.False(Directory.Exists(Path.Combine(home, "data")));
        }
        finally { Directory.Delete(home, recursive: true); }
    }

    static Process Child(string[] args, Action<IDictionary<string, string?>> environment)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ProgressChild).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        environment(start.Environment);
        return Process.Start(start)!;
    }

    static async Task Finished(Process child)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var errors = child.StandardError.ReadToEndAsync(limit.Token);
        var rest = child.StandardOutput.ReadToEndAsync(limit.Token);
        try { await child.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException) { child.Kill(entireProcessTree: true); throw; }
        Assert.True(child.ExitCode == 0, $"child exited with {child.ExitCode}: {await errors}{await rest}");
        var stderr = await errors;
        Assert.True(stderr == "", $"a child said on stderr: {stderr}"); // no "(Your progress was not saved …)" line
        child.Dispose();
    }

    static string DotnetHost() =>
        Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
}

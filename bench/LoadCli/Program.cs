// Usage:
//   dotnet LoadCli.dll run <url> [-c 64] [-d 5] [-w 1] [-r RATE]    load a server in another process
//   dotnet LoadCli.dll inproc <path> [-c 64] [-d 5] [-w 1]          start the lab server in THIS process and load it
// Prints the result's one-line summary and a machine-readable line:
//   RESULT rps=12345.6 p50_ms=1.234 p90_ms=... p99_ms=... errors=0 count=...
using System.Globalization;
using BackendLab;

var mode = args[0];
// In its own process the generator may run socket continuations right on the socket engine's threads (no thread-pool hop).
// Read once, when the first socket is used, so it must be set before anything touches the network.
// Not set in "inproc" mode, which stands for a notebook: there the kernel's defaults apply.
if (mode == "run") Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
var target = args[1];
double Option(string name, double fallback) { var i = Array.IndexOf(args, name); return i < 0 ? fallback : double.Parse(args[i + 1], CultureInfo.InvariantCulture); }
var concurrency = (int)Option("-c", 64);
var duration = TimeSpan.FromSeconds(Option("-d", 5));
var warmup = TimeSpan.FromSeconds(Option("-w", 1));
var rate = Option("-r", 0);

Microsoft.AspNetCore.Builder.WebApplication? app = null;
if (mode == "inproc")
{
    app = LabServer.LabApp.Create(new LabServer.LabOptions());
    await app.StartAsync();
    target = LabServer.LabApp.Address(app) + target;
}

var result = await Load.RunAsync(target, new LoadOptions
{
    Concurrency = concurrency, Duration = duration, Warmup = warmup, Rate = rate > 0 ? rate : null,
});
Console.WriteLine(result);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT rps={result.RequestsPerSecond:0.0} p50_ms={result.P50.TotalMilliseconds:0.000} p90_ms={result.P90.TotalMilliseconds:0.000} p99_ms={result.P99.TotalMilliseconds:0.000} errors={result.Errors} count={result.Count} cpu_s={result.ClientCpuTime.TotalSeconds:0.00}"));
if (app is not null) await app.StopAsync();

// The lab server: endpoints for latency and concurrency experiments, on 127.0.0.1 only.
// Usage: dotnet LabServer.dll [--port 0] [--min-threads N] [--max-threads N] [--parent-pid PID]
using LabServer;

var options = LabOptions.Parse(args);

// Thread-pool settings the lesson asked for (e.g. a small minimum to show starvation)
options.ApplyThreadPoolLimits();

// Build and start the app on 127.0.0.1
var app = LabApp.Create(options);
await app.StartAsync();

// Tell the parent where we listen: one line on stdout
Console.WriteLine($"{BackendLab.LabServerProtocol.ListeningPrefix}{LabApp.Address(app)}");
Console.Out.Flush();

// Never outlive the parent: exit when it exits or closes our stdin
ParentWatch.ExitWithParent(app, options.ParentPid);

await app.WaitForShutdownAsync();

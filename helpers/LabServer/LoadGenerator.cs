using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using BackendLab;

namespace LabServer;

/// <summary>
/// BackendLab's load generator, run in THIS process (<c>Load.RunAsync(url, new LoadOptions { InSeparateProcess = true })</c>):
/// the requests then leave from a process that does not share the notebook's thread pool, garbage collector or CPU
/// accounting. <c>POST /load</c> takes a load request as JSON, checks that its URL is on this machine, and hands it to
/// BackendLab's own engine, loaded from <c>BackendLab.dll</c> in the folder above this one (<c>labserver/..</c>, where
/// BackendLab's build puts this server); the answer is the run's result as JSON. The lab server does not reference
/// BackendLab (BackendLab builds it), so the engine is found at run time, with its dependencies (HdrHistogram) from
/// the same folder. The run stops when its own time is up or the client goes away.
/// </summary>
public static class LoadGenerator
{
    static readonly Lazy<Func<string, CancellationToken, Task<string>>> Entry = new(LoadEntry);

    /// <summary>Maps <see cref="LabServerProtocol.LoadPath"/>.</summary>
    public static IEndpointRouteBuilder MapLoadGenerator(this IEndpointRouteBuilder app)
    {
        app.MapPost(LabServerProtocol.LoadPath, RunAsync);
        return app;
    }

    static async Task<IResult> RunAsync(HttpRequest http, CancellationToken aborted)
    {
        var request = await new StreamReader(http.Body).ReadToEndAsync(aborted);
        if (UrlOf(request) is not { } url) return Results.Problem("The load request has no \"url\".", statusCode: 400);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || !Loopback.IsLoopback(target))
            return Results.Problem($"BackendLab only sends requests to this machine (127.0.0.1, localhost or [::1]); '{url}' is not one of them.", statusCode: 400);
        Func<string, CancellationToken, Task<string>> entry;
        try { entry = Entry.Value; }
        catch (Exception e) when (e is FileNotFoundException or MissingMethodException or TypeLoadException or BadImageFormatException)
        {
            return Results.Problem(e.Message, statusCode: 500);
        }
        try { return Results.Text(await entry(request, aborted), "application/json"); }
        catch (ArgumentException e) { return Results.Problem(e.Message, statusCode: 400); }   // BackendLab's own validation (and its loopback rule)
    }

    static string? UrlOf(string request)
    {
        try
        {
            using var json = JsonDocument.Parse(request);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
                ? url.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    // BackendLab.dll sits in the folder above labserver/ (the notebooks' artifacts folder, or a test project's bin folder).
    static Func<string, CancellationToken, Task<string>> LoadEntry()
    {
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, ".."));
        var path = Path.Combine(folder, LabServerProtocol.LoadEngineAssemblyFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"The load engine is not at '{path}': the lab server runs it from the folder BackendLab's build copied it into.", path);
        // Its dependencies (HdrHistogram…) that this server does not have come from the same folder.
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            Path.Combine(folder, name.Name + ".dll") is var file && File.Exists(file) ? context.LoadFromAssemblyPath(file) : null;
        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        var method = assembly.GetType(LabServerProtocol.LoadEntryType, throwOnError: true)!
            .GetMethod(LabServerProtocol.LoadEntryMethod, BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(CancellationToken)])
            ?? throw new MissingMethodException(LabServerProtocol.LoadEntryType, LabServerProtocol.LoadEntryMethod);
        return method.CreateDelegate<Func<string, CancellationToken, Task<string>>>();
    }
}

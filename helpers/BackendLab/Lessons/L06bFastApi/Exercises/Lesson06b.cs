namespace BackendLab.Lessons.L06bFastApi;

/// <summary>The auto-checked exercise of lesson 6b, "FastAPI against Kestrel, live" (notebooks/06b-fastapi-vs-kestrel.ipynb).</summary>
public static class Lesson06b
{
    /// <summary>Kestrel's ceiling on /json: the cores the servers got ÷ Kestrel's CPU time per request.</summary>
    public static readonly CeilingExercise Q1 = new("06b-fastapi-vs-kestrel/q1",
        "Kestrel's ceiling on /json: the most requests per second its cores could answer",
        [
            "A core supplies one second of CPU time every second. How many requests' worth of CPU time is that, and how many cores did the servers get?",
            "`servers.Cores / cpu.TotalSeconds`, with `cpu = json.Of(BridgeServerKind.Kestrel)!.Top.CpuPerRequest`.",
        ]);
}

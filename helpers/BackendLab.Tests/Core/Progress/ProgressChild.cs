using System.Diagnostics;

namespace BackendLab.Tests;

/// <summary>
/// The test assembly's entry point, so tests can start it as a real second (third, …) process:
/// <c>dotnet BackendLab.Tests.dll record &lt;setting&gt; &lt;prefix&gt; &lt;count&gt; &lt;go-file&gt;</c> sets
/// <c>BACKENDLAB_PROGRESS</c> to the setting ("default" removes it), prints "ready", waits for the go-file, then runs
/// <c>count</c> real checks on two threads; <c>dotnet BackendLab.Tests.dll check</c> runs one correct check with whatever
/// this assembly's module initializer left (progress off). The test host never calls this.
/// </summary>
public static class ProgressChild
{
    public static int Main(string[] args) => args switch
    {
        ["record", var setting, var prefix, var count, var go] => Record(setting, prefix, int.Parse(count), go),
        ["check"] => Print(new ValueExercise<int>("01-backend-basics/q9", "Answer 42", 42).Check(42)),
        _ => 0,
    };

    static int Record(string setting, string prefix, int count, string go)
    {
        Environment.SetEnvironmentVariable("BACKENDLAB_PROGRESS", setting == "default" ? null : setting);
        Console.WriteLine("ready");
        var wait = Stopwatch.StartNew();
        while (!File.Exists(go))
        {
            if (wait.Elapsed > TimeSpan.FromSeconds(60)) return 3;
            Thread.Sleep(1);
        }
        var shared = new ValueExercise<int>("99-concurrency/shared", "Everyone checks this one", 42);
        // Two threads per process: the lock must hold between threads of one kernel too.
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var own = new ValueExercise<int>($"99-concurrency/{prefix}-q{i}", "One of mine", 42);
            var result = own.Check(i % 2 == 0 ? 42 : 7); // even: correct, odd: incorrect
            shared.Check(42);
            if (result.IsCorrect != (i % 2 == 0)) throw new InvalidOperationException($"check {i} judged wrongly");
        });
        return 0;
    }

    static int Print(CheckResult result)
    {
        Console.WriteLine(result.Attribute);
        return 0;
    }
}

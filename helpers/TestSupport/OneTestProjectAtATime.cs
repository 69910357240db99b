using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace BackendFundamentals.TestSupport;

/// <summary>
/// One test project runs at a time on this machine. The load tests and the notebook suite measure, and the capstone's checks
/// share files, so two test assemblies must not run together: yet `dotnet test` on the solution may start the second while
/// the first still runs (MSBuild lets its node take another project while the test task waits, even with
/// <c>-maxcpucount:1</c>: CI saw BackendLab.Tests and CourseRunner.Tests overlap). So before any test code runs, each test
/// process takes an exclusive lock on one file in the temp folder and holds it until it exits (the operating system
/// releases it even after a crash). Compiled into every test project from <c>helpers/TestSupport</c>.
/// </summary>
static class OneTestProjectAtATime
{
    /// <summary>The longest a test process waits for another before it runs anyway (a safety net: a test run is far shorter).</summary>
    static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(30);

    static FileStream? _lock;

    /// <summary>Set once the lock is held; every process the tests start inherits it and does not wait for its own parent.</summary>
    const string HeldBy = "BACKENDFUNDAMENTALS_TEST_LOCK_HELD_BY";

#pragma warning disable CA2255 // a test assembly is exactly where a module initializer belongs
    [ModuleInitializer]
    internal static void Enter()
#pragma warning restore CA2255
    {
        // A process a test starts from this same assembly (a child process of the test) runs under its parent's lock.
        if (Environment.GetEnvironmentVariable(HeldBy) is { Length: > 0 }) return;
        var path = Path.Combine(Path.GetTempPath(), "backendfundamentals-tests.lock");
        var waited = Stopwatch.StartNew();
        var told = false;
        while (waited.Elapsed < MaxWait)
        {
            try
            {
                _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                Environment.SetEnvironmentVariable(HeldBy, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (told) Console.Error.WriteLine($"[{AppDomain.CurrentDomain.FriendlyName}] the other test project finished after {waited.Elapsed.TotalSeconds:0} s; starting.");
                return;
            }
            catch (IOException)
            {
                if (!told) Console.Error.WriteLine($"[{AppDomain.CurrentDomain.FriendlyName}] another test project is running on this machine; waiting for it to finish (lock: {path}).");
                told = true;
                Thread.Sleep(250);
            }
        }
        Console.Error.WriteLine($"[{AppDomain.CurrentDomain.FriendlyName}] waited {MaxWait.TotalMinutes:0} minutes for {path}; running anyway.");
    }
}

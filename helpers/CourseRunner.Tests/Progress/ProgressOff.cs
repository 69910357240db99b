using System.Runtime.CompilerServices;

namespace CourseRunner.Tests;

/// <summary>
/// The tests never read or change a learner's progress: before any code of this assembly runs, BackendLab's progress is
/// switched off for this process (in-process notebook runs) and every process it starts (the runner, its workers).
/// </summary>
static class ProgressOff
{
#pragma warning disable CA2255 // a test assembly is exactly where a module initializer belongs
    [ModuleInitializer]
    internal static void SwitchOff() => Environment.SetEnvironmentVariable("BACKENDLAB_PROGRESS", "off");
#pragma warning restore CA2255
}

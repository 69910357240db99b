using System.Runtime.CompilerServices;

namespace BackendLab.Tests;

/// <summary>
/// The tests never read or change a learner's progress: before any code of this assembly runs, progress is switched
/// off for this process and every process it starts. A test that needs progress points it at a temp file itself.
/// </summary>
static class ProgressOff
{
#pragma warning disable CA2255 // a test assembly is exactly where a module initializer belongs
    [ModuleInitializer]
    internal static void SwitchOff() => Environment.SetEnvironmentVariable("BACKENDLAB_PROGRESS", "off");
#pragma warning restore CA2255
}

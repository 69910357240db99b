using System.Runtime.CompilerServices;

namespace BackendFundamentals.TestSupport;

/// <summary>
/// The tests never read or change a learner's progress: before any code of a test assembly runs, BackendLab's progress
/// is switched off for that process and every process it starts (the runner, its kernels, lab servers). A test that
/// needs progress points it at a temp file itself. Compiled into every test project from <c>helpers/TestSupport</c>.
/// </summary>
static class ProgressOff
{
#pragma warning disable CA2255 // a test assembly is exactly where a module initializer belongs
    [ModuleInitializer]
    internal static void SwitchOff() => Environment.SetEnvironmentVariable("BACKENDLAB_PROGRESS", "off");
#pragma warning restore CA2255
}

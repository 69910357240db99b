using BackendFundamentals.TestSupport;

namespace BackendLab.Tests.Lessons.L06bFastApi;

/// <summary>
/// A fact that needs Python with FastAPI and uvicorn (Debian: python3-fastapi, python3-uvicorn). Without them it is
/// reported as SKIPPED with the install command outside CI, never silently passed; in CI (where <c>.ci/run</c> installs
/// them) it always runs, so a missing Python fails the run (see <see cref="Prerequisite"/>).
/// </summary>
public sealed class FastApiFactAttribute : FactAttribute
{
    internal static readonly FastApiSetup Python = FastApiSetup.Find();

    public FastApiFactAttribute()
    {
        if (!Python.IsAvailable && !Prerequisite.InCi) Skip = $"FastAPI is not available ({Python.Problem}); install: {FastApiSetup.InstallHint}";
    }
}

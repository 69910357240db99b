namespace BackendLab.Tests.PythonBridge;

/// <summary>
/// A fact that needs Python with FastAPI and uvicorn (Debian: python3-fastapi, python3-uvicorn). Without them it is
/// reported as SKIPPED with the install command, never silently passed. (CI installs them, so there these tests run.)
/// </summary>
public sealed class FastApiFactAttribute : FactAttribute
{
    internal static readonly FastApiSetup Python = FastApiSetup.Find();

    public FastApiFactAttribute()
    {
        if (!Python.IsAvailable) Skip = $"FastAPI is not available ({Python.Problem}); install: {FastApiSetup.InstallHint}";
    }
}

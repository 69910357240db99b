namespace BackendLab;

/// <summary>Where the helper library keeps its version, shown by the setup check.</summary>
public static class LabInfo
{
    /// <summary>The number of cores this machine has; every measurement depends on it.</summary>
    public static int Cores => Environment.ProcessorCount;
}

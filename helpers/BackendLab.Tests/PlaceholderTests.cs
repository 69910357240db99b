namespace BackendLab.Tests;

public class LabInfoTests
{
    [Fact]
    public void CoresMatchesTheMachine() => Assert.Equal(Environment.ProcessorCount, LabInfo.Cores);
}

namespace BackendLab.Tests.Core;

public class CourseTests
{
    [Fact]
    public void ExpectingTheLoadedVersionDoesNothing() => Course.Expect(Course.ApiVersion);

    [Fact]
    public void AStaleBuildSaysInOneLineWhatToDo()
    {
        var stale = Assert.Throws<StaleBuildException>(() => Course.Expect("999"));

        Assert.Equal(
            $"This notebook expects BackendLab API version 999, but version {Course.ApiVersion} is loaded: " +
            "run `dotnet build` at the repository root, then restart the kernel.", stale.ToString());
        Assert.DoesNotContain("\n", stale.ToString());
    }
}

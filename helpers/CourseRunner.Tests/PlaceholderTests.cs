namespace CourseRunner.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Placeholder() => Assert.True(typeof(Program).Assembly.GetName().Name == "CourseRunner");
}

namespace BackendLab.Tests.Lessons.L06bFastApi;

public class Lesson06bTests
{
    static readonly BridgeSweep Json = SyntheticBridge.Json(cores: 2, busy: false); // Kestrel: 0.03 ms per request
    static double Ceiling => Json.Cores / Json.Of(BridgeServerKind.Kestrel)!.Top.CpuPerRequest.TotalSeconds;

    [Fact]
    public void TheRightCeilingIsCorrectAndComparedWithTheBestRun()
    {
        var result = Lesson06b.Q1.Check(Ceiling, Json);
        Assert.Equal(CheckOutcome.Correct, result.Outcome);
        Assert.Contains("of that ceiling", result.Message);
    }

    [Fact]
    public void TheStarterIsNotAttemptedAndPointsAtTheRightHandle()
    {
        var result = Lesson06b.Q1.Check(0, Json);
        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
        Assert.Contains("Lesson06b.Q1.Hint()", result.Message);
        Assert.Equal("Lesson06b.Q1", Lesson06b.Q1.Handle);
    }

    [Theory]
    [InlineData(0.5, "one core")]     // forgot the cores
    [InlineData(0.001, "units")]      // divided by milliseconds
    [InlineData(3.0, "too high")]
    public void WrongCeilingsAreIncorrectWithTheLikelySlip(double factor, string expected)
    {
        var result = Lesson06b.Q1.Check(Ceiling * factor, Json);
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains(expected, result.Message);
    }
}

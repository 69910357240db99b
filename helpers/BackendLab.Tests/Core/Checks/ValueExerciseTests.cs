using static BackendLab.Tests.Core.ExampleExercises;

namespace BackendLab.Tests.Core;

public class ValueExerciseTests
{
    [Fact]
    public void TheRightValueIsCorrectWithinTolerance()
    {
        Assert.True(Throughput.Check(40 / 2.0).IsCorrect);
        Assert.True(Throughput.Check(20.004).IsCorrect);
    }

    [Fact]
    public void AWrongValueIsIncorrectAndNamesTheThingWithoutTheAnswer()
    {
        var result = Throughput.Check(80.0);
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Equal("`throughput` is `80`, which is not it yet (too high).", result.Message);
        Assert.DoesNotContain("20", result.Message);
    }

    [Fact]
    public void ThePlaceholderValueIsNotAttempted() => Assert.Equal(CheckOutcome.NotAttempted, Throughput.Check(0.0).Outcome);

    [Fact]
    public void AStarterThatThrowsNotImplementedIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, Throughput.Check(() => throw new NotImplementedException("your code here")).Outcome);

    [Fact]
    public void AComputationThatThrowsIsIncorrect()
    {
        var result = Throughput.Check(() => throw new DivideByZeroException());
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.StartsWith("Your code threw `DivideByZeroException:", result.Message);
    }

    [Fact]
    public void ACustomRuleAndSlipReplaceEquality()
    {
        var even = new ValueExercise<int>("00-example/even", "Pick an even number", 0) { Accept = n => n % 2 == 0, Slip = n => "Odd numbers end in 1, 3, 5, 7 or 9." };
        Assert.True(even.Check(42).IsCorrect);
        Assert.EndsWith("Odd numbers end in 1, 3, 5, 7 or 9.", even.Check(7).Message);
    }
}

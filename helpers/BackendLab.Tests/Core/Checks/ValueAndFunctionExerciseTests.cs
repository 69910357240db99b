using static BackendLab.Tests.Core.ExampleExercises;

namespace BackendLab.Tests.Core;

public class ValueAndFunctionExerciseTests
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

    [Fact]
    public void TheRightFunctionIsCorrect()
    {
        string? Classify(int code) => code switch { < 300 => "success", < 500 => "client error", _ => "server error" };
        var result = StatusClass.Check(Classify);
        Assert.True(result.IsCorrect, result.ToString());
        Assert.Equal("`StatusClass` gives the right result for all 4 inputs tried.", result.Message);
    }

    [Fact]
    public void AWrongFunctionReportsTheCallExpectedAndActual()
    {
        var result = StatusClass.Check(code => code < 400 ? "success" : "error");
        Assert.Equal("`StatusClass(404)` returned `\"error\"`, but it should return `\"client error\"`.", result.Message);
    }

    [Fact]
    public void AFunctionReturningNothingGetsTheForgottenReturnSlip() =>
        Assert.Contains("`return` the computed value", StatusClass.Check(code => null).Message);

    [Fact]
    public void AThrowingFunctionReportsTheCallThatThrew()
    {
        var result = StatusClass.Check(code => code == 201 ? throw new ArgumentException("bad code") : "success");
        Assert.Equal("`StatusClass(201)` threw `ArgumentException: bad code`; it should return `\"success\"`.", result.Message);
    }

    [Fact]
    public void AStarterFunctionIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, StatusClass.Check(code => throw new NotImplementedException("your code here")).Outcome);

    [Fact]
    public async Task AnAsyncFunctionIsAwaitedAndAHangingOneTimesOut()
    {
        var doubled = new FunctionExercise<int, int>("00-example/double", "Double it") { Cases = { (1, 2), (5, 10) }, Timeout = TimeSpan.FromMilliseconds(300) };
        Assert.True((await doubled.CheckAsync(async x => { await Task.Yield(); return x * 2; })).IsCorrect);

        var hanging = await doubled.CheckAsync(async x => { await Task.Delay(Timeout.Infinite); return x; }).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("`f(1)` did not finish within 300 ms. Is it waiting for something that never happens?", hanging.Message);
    }

    [Fact]
    public void APlaceholderReturnedForEveryInputIsNotAttempted()
    {
        var doubled = new FunctionExercise<int, int>("00-example/double", "Double it") { Cases = { (1, 2), (5, 10) }, Placeholder = -1 };
        Assert.Equal(CheckOutcome.NotAttempted, doubled.Check(x => -1).Outcome);
        Assert.Equal(CheckOutcome.Incorrect, doubled.Check(x => x == 1 ? 2 : -1).Outcome);
    }
}

using Microsoft.AspNetCore.Builder;
using static BackendLab.Tests.Core.ExampleExercises;

namespace BackendLab.Tests.Core;

/// <summary>Every verdict passes through one place, <see cref="Exercise.Checked"/>, once.</summary>
[Collection("servers")]
public class CheckedEventTests
{
    [Fact]
    public async Task EveryVerdictIsRaisedOnceInTheOrderGiven()
    {
        var seen = new List<CheckResult>();
        void Record(CheckResult r) => seen.Add(r);
        Exercise.Checked += Record;
        try
        {
            var value = Throughput.Check(() => 40.0 / 2);
            var starter = await CreateItem.Check(app => throw new NotImplementedException("your code here"));
            var wrong = Throughput.Check(3.0);
            Assert.Equal([value, starter, wrong], seen);
            Assert.Equal([CheckOutcome.Correct, CheckOutcome.NotAttempted, CheckOutcome.Incorrect], seen.Select(r => r.Outcome));
        }
        finally { Exercise.Checked -= Record; }
    }
}

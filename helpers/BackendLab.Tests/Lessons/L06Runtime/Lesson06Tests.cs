using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Lessons.L06Runtime;

/// <summary>Lesson 6's checks: the solution is correct, plausible wrong answers are incorrect with a useful message, the starter is not attempted.</summary>
[Collection("servers")]
public class Lesson06Tests
{
    [Fact]
    public async Task Q1AsyncLookupIsCorrect()
    {
        var r = await Lesson06.Q1.Check(app => app.MapGet("/orders/{id}", async (int id) => await OrderStore.FindAsync(id)));
        Assert.True(r.Outcome == CheckOutcome.Correct, r.ToString());
    }

    [Fact]
    public async Task Q1TaskRunAroundTheBlockingCallIsIncorrectAndSaysWhy()
    {
        var r = await Lesson06.Q1.Check(app => app.MapGet("/orders/{id}", async (int id) => await Task.Run(() => OrderStore.Find(id))));
        Assert.Equal(CheckOutcome.Incorrect, r.Outcome);
        Assert.Contains("holds a thread", r.Message + r.ToString());
    }

    [Fact]
    public async Task Q1SkippingTheStoreIsIncorrect()
    {
        var r = await Lesson06.Q1.Check(app => app.MapGet("/orders/{id}", (int id) => new StoredOrder(id, "someone", 1)));
        Assert.Equal(CheckOutcome.Incorrect, r.Outcome);
        Assert.Contains("look the order up", r.Message);
    }

    [Fact]
    public async Task Q1StarterIsNotAttempted()
    {
        var r = await Lesson06.Q1.Check(app => app.MapGet("/orders/{id}", IResult (int id) => throw new NotImplementedException("your code here")));
        Assert.Equal(CheckOutcome.NotAttempted, r.Outcome);
    }

    [Fact]
    public async Task Q2FourPermitsAndAShortQueueIsCorrect()
    {
        var r = await Lesson06.Q2.Check(permitLimit: 4, queueLimit: 8);
        Assert.True(r.Outcome == CheckOutcome.Correct, r.ToString());
    }

    [Fact]
    public async Task Q2AHugeQueueIsIncorrectAndExplainsTheWait()
    {
        var r = await Lesson06.Q2.Check(permitLimit: 4, queueLimit: 10_000);
        Assert.Equal(CheckOutcome.Incorrect, r.Outcome);
        Assert.Contains("p99 was", r.Message);
    }

    [Fact]
    public async Task Q2OnePermitServesTooLittle()
    {
        var r = await Lesson06.Q2.Check(permitLimit: 1, queueLimit: 2);
        Assert.Equal(CheckOutcome.Incorrect, r.Outcome);
        Assert.Contains("req/s were served", r.Message);
    }

    [Fact]
    public async Task Q2PlaceholderIsNotAttempted()
    {
        var r = await Lesson06.Q2.Check(0, 0);
        Assert.Equal(CheckOutcome.NotAttempted, r.Outcome);
    }

    [Fact]
    public void ConceptQuestionsAcceptTheirAnswersAndSayNotAttemptedForNull()
    {
        Assert.Equal(CheckOutcome.Correct, Lesson06.Concepts.Q1.Check('b').Outcome);
        Assert.Equal(CheckOutcome.Correct, Lesson06.Concepts.Q2.Check('b').Outcome);
        Assert.Equal(CheckOutcome.Correct, Lesson06.Concepts.Q3.Check(4000).Outcome);
        Assert.Equal(CheckOutcome.Correct, Lesson06.Concepts.Q4.Check(400).Outcome);
        Assert.Equal(CheckOutcome.Correct, Lesson06.Concepts.Q5.Check('b').Outcome);
        Assert.Equal(CheckOutcome.NotAttempted, Lesson06.Concepts.Q1.Check(null).Outcome);
        Assert.Equal(CheckOutcome.NotAttempted, Lesson06.Concepts.Q3.Check(null).Outcome);
    }

    [Fact]
    public void ConceptQuestionsExplainTheTemptingWrongAnswers()
    {
        var heapPerCore = Lesson06.Concepts.Q2.Check('a');
        Assert.Equal(CheckOutcome.Incorrect, heapPerCore.Outcome);
        Assert.Contains("before .NET 9", heapPerCore.ToString());
        Assert.Contains("another pool thread", Lesson06.Concepts.Q5.Check('c').ToString());
        Assert.Equal(CheckOutcome.Incorrect, Lesson06.Concepts.Q3.Check(2.5).Outcome);   // 50 ÷ 200 × 10, a slip
        Assert.Equal(CheckOutcome.Incorrect, Lesson06.Concepts.Q4.Check(100).Outcome);   // one core's worth
    }
}

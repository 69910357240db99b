using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using BackendLab.Lessons.L00StartHere;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Lessons.L00StartHere;

/// <summary>
/// Lesson 0's "C# you need" section: each concept question's answer is what C# and ASP.NET Core really do (checked by
/// running it), and its claims hold for runs as 1, 2, 4 and 16-core machines make them, idle or busy, and fail when the
/// thing they state did not happen.
/// </summary>
[Collection("servers")]
public class CSharpRampTests : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => Servers.StopAllAsync();

    static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    record Order(string Item, int Quantity);

    public static TheoryData<ChoiceQuestion, char> Choices => new()
    {
        { Lesson00.Concepts.Q1, 'b' }, { Lesson00.Concepts.Q2, 'a' }, { Lesson00.Concepts.Q3, 'b' }, { Lesson00.Concepts.Q4, 'b' },
        { Lesson00.Concepts.Q5, 'b' }, { Lesson00.Concepts.Q6, 'b' }, { Lesson00.Concepts.Q8, 'b' },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void EachChoiceQuestionTakesItsAnswerAndExplainsEveryWrongChoice(ChoiceQuestion question, char answer)
    {
        Assert.True(question.Check(answer).IsCorrect);
        Assert.Equal(CheckOutcome.NotAttempted, question.Check(null).Outcome);
        foreach (var wrong in Enumerable.Range(0, question.Choices.Count).Select(i => (char)('a' + i)).Where(c => c != answer))
        {
            Assert.Equal(CheckOutcome.Incorrect, question.Check(wrong).Outcome);
            Assert.True(question.WhyNot.ContainsKey(wrong), $"{question.Id}: no WhyNot for '{wrong}'");
        }
        Assert.Equal(question.Id.Split('/')[1], question.Name);
        Assert.NotEmpty(question.Hints);
    }

    [Fact]
    public void Q2_records_compare_by_value()
    {
        Assert.True(new Order("pen", 2) == new Order("pen", 2));
        Assert.True(Lesson00.Concepts.Q2.Check('a').IsCorrect);
    }

    [Fact]
    public async Task Q5_Results_Created_sends_201_a_Location_header_and_the_value_as_JSON()
    {
        var server = await Servers.StartAsync("created", app => app.MapPost("/orders", () => Results.Created("/orders/7", new Order("pen", 2))));
        var response = await server.Client.PostAsync("/orders", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/orders/7", response.Headers.Location?.OriginalString);
        Assert.Equal(new Order("pen", 2), await response.Content.ReadFromJsonAsync<Order>());
        Assert.True(Lesson00.Concepts.Q5.Check('b').IsCorrect);
    }

    [Fact]
    public void Q7_the_LINQ_query_sums_to_its_answer()
    {
        var value = new[] { 3, 8, 1, 9 }.Where(x => x > 2).Select(x => x * 10).Sum();
        Assert.True(Lesson00.Concepts.Q7.Check(value).IsCorrect);
        Assert.Equal(CheckOutcome.Incorrect, Lesson00.Concepts.Q7.Check(210).Outcome);
        Assert.Equal(CheckOutcome.NotAttempted, Lesson00.Concepts.Q7.Check(null).Outcome);
    }

    // ---- WaitsOverlap: two 200 ms waits one after the other, then together ----

    [Theory]
    // a fast idle machine: timers fire on time
    [InlineData(401, 201)]
    // recorded on the shared 2-core machine (load average 20)
    [InlineData(401.3, 200.9)]
    // a busy 1-core machine: each timer's continuation waits up to 50 ms for the core, together only once
    [InlineData(500, 250)]
    // a very busy machine: the pair together waits as long as one sequential wake-up, plus a bit
    [InlineData(560, 300)]
    // a timer may fire up to a millisecond early (its clock ticks in milliseconds)
    [InlineData(398.5, 199.2)]
    public void WaitsOverlap_holds_for_overlapping_waits_idle_or_busy(double oneAfterTheOther, double together)
    {
        var claim = CSharpClaims.WaitsOverlap(Ms(200), Ms(oneAfterTheOther), Ms(together));
        Assert.True(claim.Holds, claim.ToString());
    }

    [Theory]
    // awaited one after the other inside WhenAll: no overlap
    [InlineData(401, 400)]
    // the sequential pair skipped a wait
    [InlineData(210, 100)]
    public void WaitsOverlap_does_not_hold_when_the_waits_did_not_overlap_or_one_was_skipped(double oneAfterTheOther, double together)
    {
        Assert.False(CSharpClaims.WaitsOverlap(Ms(200), Ms(oneAfterTheOther), Ms(together)).Holds);
    }

    [Fact]
    public async Task WaitsOverlap_holds_for_real_waits_as_the_cell_runs_them()
    {
        static async Task<string> AskAsync(string who) { await Task.Delay(200); return who; }
        var watch = Stopwatch.StartNew();
        await AskAsync("first");
        await AskAsync("second");
        var oneAfterTheOther = watch.Elapsed;
        watch.Restart();
        await Task.WhenAll(AskAsync("first"), AskAsync("second"));
        var claim = CSharpClaims.WaitsOverlap(Ms(200), oneAfterTheOther, watch.Elapsed);
        Assert.True(claim.Holds, claim.ToString());
    }

    // ---- CountsEveryVisit: read-then-write against Interlocked ----

    [Theory]
    [InlineData(1)] [InlineData(37)] [InlineData(100)]
    public void CountsEveryVisit_holds_whatever_read_then_write_lost(int readThenWrite)
    {
        var claim = CSharpClaims.CountsEveryVisit(100, readThenWrite, 100);
        Assert.True(claim.Holds, claim.ToString());
        Assert.Contains($"{100 - readThenWrite} visit(s) lost", claim.ToString());
    }

    [Fact]
    public void CountsEveryVisit_does_not_hold_when_Interlocked_missed_one()
    {
        Assert.False(CSharpClaims.CountsEveryVisit(100, 5, 99).Holds);
    }

    [Fact]
    public async Task The_read_then_write_visits_lose_updates_and_Interlocked_counts_them_all()
    {
        var visits = 0;
        var counted = 0;
        async Task VisitAsync()
        {
            var read = visits;
            await Task.Delay(1);
            visits = read + 1;
            Interlocked.Increment(ref counted);
        }
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(VisitAsync)));
        var claim = CSharpClaims.CountsEveryVisit(100, visits, counted);
        Assert.True(claim.Holds, claim.ToString());
        Assert.True(visits < 100, $"read-then-write counted all {visits}: the gap did not show");
    }
}

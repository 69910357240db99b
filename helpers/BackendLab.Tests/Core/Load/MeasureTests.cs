using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Core;

[Collection("servers")]
public class MeasureTests : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => Servers.StopAllAsync();

    [Fact]
    public void TimesEachCallAfterTheWarmup()
    {
        var calls = 0;
        var m = Measure.Repeat("count", 50, () => calls++, warmup: 5);

        Assert.Equal(55, calls);
        Assert.Equal(50, m.Count);
        Assert.Equal(50, m.Microseconds.Count);
        Assert.Equal("count", m.Name);
    }

    [Fact]
    public void AFixedDelayIsMeasuredAtLeastThatLong()
    {
        var m = Measure.Repeat("sleep 2 ms", 10, () => Thread.Sleep(2), warmup: 0);

        Assert.InRange(m.P50.TotalMicroseconds, 2_000, 200_000);
        Assert.True(m.Elapsed.TotalMicroseconds >= m.Microseconds.Sum() * 0.99);
    }

    [Fact]
    public void PercentilesAreOrdered()
    {
        var m = Measure.Repeat("spin", 200, () => Thread.SpinWait(Random.Shared.Next(10, 2_000)));

        Assert.True(m.Percentile(0) <= m.P50);
        Assert.True(m.P50 <= m.P90 && m.P90 <= m.P99 && m.P99 <= m.Max);
        // HdrHistogram keeps 3 significant digits (and TimeSpan 100 ns): the extremes agree to within 0.1 % + 0.1 µs.
        Assert.InRange(m.Max.TotalMicroseconds, m.Microseconds.Max() * 0.999 - 0.1, m.Microseconds.Max() * 1.001 + 0.1);
        Assert.InRange(m.Percentile(0).TotalMicroseconds, m.Microseconds.Min() * 0.999 - 0.1, m.Microseconds.Min() * 1.001 + 0.1);
        Assert.Equal(200, m.Count);
        Assert.Equal(0, m.Errors);
    }

    [Fact]
    public async Task StopsAtTheTimeLimitBeforeTheCallCount()
    {
        var m = await Measure.RepeatAsync("slow", 1_000, () => Task.Delay(20), warmup: 0, maxDuration: TimeSpan.FromMilliseconds(200));

        Assert.InRange(m.Count, 1, 20);
    }

    [Fact]
    public async Task ARequestOverLoopbackCostsMoreThanTheSameFunctionInProcess()
    {
        static int Price(int quantity) => quantity * 12;
        var shop = await Servers.StartAsync("measure-shop", app => { app.MapGet("/price", (int qty) => Price(qty)); });

        var local = Measure.Repeat("in-process", 2_000, () => Price(2));
        var http = await Measure.RepeatAsync("over HTTP", 100, () => shop.Client.GetStringAsync("/price?qty=2"));

        Assert.Equal(100, http.Count);
        Assert.Equal(120, shop.Log.Total); // 20 warm-up requests + 100 timed ones, all seen by the server
        Assert.True(http.P50 > 10 * local.P50, $"HTTP median {http.P50} vs in-process {local.P50}");
    }

    [Fact]
    public void TheTableShowsEachMedianAsAMultipleOfTheFirst()
    {
        var fast = Measure.Repeat("fast", 20, () => { }, warmup: 0);
        var slow = Measure.Repeat("slow", 5, () => Thread.Sleep(1), warmup: 0);

        var html = Measure.Table(fast, slow).ToString();

        Assert.Contains(" first", html);
        Assert.Contains(">fast<", html);
        Assert.Contains(">slow<", html);
        Assert.Contains("median ", html);
        Assert.Contains("calls", slow.ToString());
    }

    [Theory]
    [InlineData(0, 0, "Time between 1 and 10,000,000 calls.")]
    [InlineData(10, -1, "Warm up with 0 to 1,000,000 calls.")]
    public void RefusesOutOfRangeCounts(int times, int warmup, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Measure.Repeat("x", times, () => { }, warmup));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void TheDefaultTimeLimitIsTenSeconds() => Assert.Equal(TimeSpan.FromSeconds(10), Measure.DefaultMaxDuration);
}

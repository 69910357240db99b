using BackendLab.Lessons.L06Runtime;

namespace BackendLab.Tests.Lessons.L06Runtime;

/// <summary>
/// Lesson 6's generated sentences say what the numbers show, whichever way they fall: Little's law matched or not (the
/// issue's run: 105.92 of 128 and 0 of 512 for the blocking endpoint), the starving pool added threads or not, the
/// collector used fewer heaps than cores or not.
/// </summary>
public class RuntimeReadingsTests
{
    static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);
    static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    [Fact]
    public void LittlesLaw_reads_the_issues_run_where_the_blocking_window_fell_short_and_saw_nothing()
    {
        var reading = RuntimeReadings.LittlesLaw(
            [(128, 5610, Ms(22.7), Ms(22.74), Window, 5600), (512, 19898, Ms(25.7), Ms(24.69), Window, 19900)],
            [(128, 185, Ms(572.5), Ms(524), Window, 185), (512, 0, Ms(1620), Ms(1620), Window, 300)]).ToString();
        Assert.Contains("was 127 of 128 at 128 users and 511 of 512 at 512 users for the async endpoint", reading);
        Assert.Contains("106 of 128 at 128 users and 0 of 512 at 512 users for the blocking one", reading);
        Assert.Contains("At 512 users no blocking request was answered inside the 1,000 ms window (those answered later had waited 1,620 ms, the median)", reading);
        var none = RuntimeReadings.LittlesLaw([(512, 19898, Ms(25.7), Ms(24.69), Window, 19900)], [(512, 0, TimeSpan.Zero, TimeSpan.Zero, Window, 0)]).ToString();
        Assert.Contains("(nor before the run gave up on them)", none);
        Assert.Contains("a steady queue at 185 req/s would make each wait 128 ÷ 185 = 692 ms", reading);
        Assert.StartsWith("Responses per second", reading);
    }

    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(4)] [InlineData(16)]
    public void LittlesLaw_says_nothing_more_when_the_blocking_product_matched(int cores)
    {
        // a machine whose blocking server kept up (many threads): the product is the users in flight
        _ = cores;
        var reading = RuntimeReadings.LittlesLaw([(128, 6000, Ms(21.3), Ms(21), Window, 6000)], [(128, 5900, Ms(21.6), Ms(21), Window, 5900)]);
        Assert.Single(reading.Sentences);
    }

    [Fact]
    public void Starvation_reads_a_pool_that_kept_picking_work_up_and_one_that_stalled()
    {
        var kept = RuntimeReadings.Starvation(3, 4, 4, TimeSpan.FromSeconds(2.5), 505, 26, 3, Ms(100), Ms(100)).ToString();
        Assert.Contains("The starving pool had 3 threads when the load began, 4 at most and 4 at the end of 2.5 s (1 added: 0.4 a second), while up to 505 work items waited", kept);
        Assert.Contains("In the first second it served 26 req/s with 3 threads: 8.7 per thread, where a thread that sleeps 100 ms per request can serve at most 10", kept);
        Assert.Contains("never fired", kept);

        var none = RuntimeReadings.Starvation(3, 3, 3, TimeSpan.FromSeconds(2.5), 505, 26, 3, Ms(100), Ms(100)).ToString();
        Assert.Contains("(none added)", none);

        var stalled = RuntimeReadings.Starvation(2, 9, 9, TimeSpan.FromSeconds(2.5), 600, 10, 2, Ms(700), Ms(100)).ToString();
        Assert.Contains("past the 500 ms after which the pool's starvation check adds a thread", stalled);
        Assert.DoesNotContain("never fired", stalled);
    }

    [Fact]
    public void Survival_reads_what_reached_generation_2() =>
        Assert.Equal("Of the 13,748,240 bytes /json?items=100's run allocated, 1,014,816 (7.4 %) reached generation 2, and 0 full collections ran.",
            RuntimeReadings.Survival("/json?items=100", 13_748_240, 1_014_816, 0).ToString());

    static GcSnapshot Gc(bool server, bool datas, int max, params (int Heaps, long Count)[] used) =>
        new(server, true, datas, max, used.Sum(u => u.Count), used.Length == 0 ? 0 : used[^1].Heaps,
            used.ToDictionary(u => u.Heaps, u => u.Count), 1000, 12.5, 20, 0, 50_000_000);

    [Fact]
    public void GcReport_reads_datas_using_fewer_heaps_than_cores_and_all_of_them()
    {
        var fewer = GcReport.Read(Gc(true, true, 2, (1, 3), (2, 16)));
        Assert.Equal("The server runs the server collector with DATAS on. It may use up to 2 heaps, one per core it may run on; its 19 collections so far used 1 heap (3 collections) and 2 heaps (16 collections): not a heap per core throughout — DATAS used fewer while fewer were enough.", fewer);
        Assert.Contains("a heap per core for every one", GcReport.Read(Gc(true, true, 16, (16, 40))));
        Assert.Contains("so there is nothing to adapt here", GcReport.Read(Gc(true, true, 1, (1, 12))));
        Assert.Contains("no collection has run yet", GcReport.Read(Gc(true, true, 4)));
        Assert.Contains("without DATAS: 4 heaps", GcReport.Read(Gc(true, false, 4, (4, 10))));
        Assert.StartsWith("The server runs the workstation collector", GcReport.Read(Gc(false, false, 1, (1, 10))));
    }

    [Fact]
    public void GcReport_table_names_the_api_behind_each_row()
    {
        var html = new GcReport { Snapshot = Gc(true, true, 2, (1, 3), (2, 16)) }.ToTable().ToString();
        foreach (var api in new[] { "GCSettings.IsServerGC", "GCDynamicAdaptationMode", "GCGlobalHeapHistory", "GC.GetTotalPauseDuration()", "GC.CollectionCount(0)", "GC.GetTotalAllocatedBytes()" })
            Assert.Contains(api, html);
    }
}

namespace BackendLab.Tests.Lessons.L04RequestResponse;

/// <summary>
/// Lesson 4's streaming claim for machines we do not have: ten readings 100 ms apart, as a server with 1, 2, 4 or 16 cores
/// produces them idle or busy (a busy machine stretches every timer and write a little; the cores do not matter, since the
/// work is waiting), with inputs that must pass and inputs that must fail.
/// </summary>
public class ResponseClaimsTests
{
    /// <summary>Buffered and streamed timings when each reading takes <paramref name="readingMs"/> and each write adds <paramref name="overheadMs"/>.</summary>
    static (double BufFirst, double BufTotal, double StrFirst, double StrTotal, int Chunks) Feed(double readingMs, double overheadMs) =>
        (10 * readingMs + overheadMs, 10 * readingMs + overheadMs + 0.5, readingMs + overheadMs, 10 * readingMs + 10 * overheadMs, 10);

    [Theory]
    [InlineData(1, false)] [InlineData(1, true)]
    [InlineData(2, false)] [InlineData(2, true)]
    [InlineData(4, false)] [InlineData(4, true)]
    [InlineData(16, false)] [InlineData(16, true)]
    public void Streaming_holds_on_any_machine_idle_or_busy(int cores, bool busy)
    {
        var (bf, bt, sf, st, chunks) = busy ? Feed(readingMs: 115, overheadMs: 12) : Feed(readingMs: 101, overheadMs: 1);
        var load = busy ? MachineLoad.Known(otherCores: cores * 0.8, machineCores: cores) : MachineLoad.Known(0, cores);
        var claim = ResponseClaims.Streaming(bf, bt, sf, st, chunks, cores, load);
        Assert.True(claim.Holds, claim.ToString());
    }

    [Fact]
    public void Streaming_does_not_hold_when_the_stream_was_buffered_after_all()
    {
        var claim = ResponseClaims.Streaming(1010, 1011, 1005, 1012, 1, cores: 2);
        Assert.False(claim.Holds);
        Assert.Contains("sooner", string.Join(" ", claim.NotHeld));
    }

    [Fact]
    public void Streaming_does_not_hold_when_the_totals_differ_widely()
    {
        var claim = ResponseClaims.Streaming(1010, 1011, 105, 2500, 10, cores: 4);
        Assert.False(claim.Holds);
        Assert.Contains("same time", string.Join(" ", claim.NotHeld));
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BackendLab.Tests;

public class ProgressStoreTests
{
    [Fact]
    public void TheTestsRunWithProgressOff()
    {
        Assert.Equal("off", Environment.GetEnvironmentVariable("BACKENDLAB_PROGRESS"));
        Assert.False(ProgressLocation.Current().IsOn);
        Assert.Contains("BACKENDLAB_PROGRESS=off", ProgressLocation.Current().OffBecause);
    }

    [Fact]
    public void AnUnsetSwitchMeansTheProfileFolder()
    {
        try
        {
            Environment.SetEnvironmentVariable("BACKENDLAB_PROGRESS", null);
            var expected = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "backend-fundamentals-csharp", "progress.json");
            Assert.Equal(expected, ProgressLocation.Current().File);
        }
        finally { Environment.SetEnvironmentVariable("BACKENDLAB_PROGRESS", "off"); }
    }

    [Fact]
    public void EveryCheckRecordsItsLastOutcomeAndDoneStaysDone()
    {
        using var temp = new TempProgress();
        var q1 = TempProgress.Exercise();

        Assert.Equal(CheckOutcome.NotAttempted, q1.Check(0).Outcome);
        Assert.False(Entry(temp).EverCorrect);
        Assert.True(q1.Check(42).IsCorrect);
        var correct = Entry(temp);
        Assert.Equal(CheckOutcome.Incorrect, q1.Check(41).Outcome);

        var entry = Entry(temp);
        Assert.Equal(CheckOutcome.Incorrect, entry.Last);
        Assert.True(entry.EverCorrect, "a wrong try after a correct one does not undo 'done'");
        Assert.Equal(correct.LastAt, entry.FirstCorrectAt);
        Assert.Equal(3, entry.Attempts);
        Assert.Equal("exercise", entry.Kind);
        var json = JsonNode.Parse(File.ReadAllText(temp.File))!;
        Assert.Equal("incorrect", (string?)json["items"]!["01-backend-basics/q1"]!["last"]);
        Assert.Equal(1, (int?)json["format"]);
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("[]")]
    [InlineData("{\"format\":1}")]
    [InlineData("{\"format\":1,\"items\":{\"01-backend-basics/q1\":{\"last\":\"sideways\"}}}")]
    [InlineData("")]
    public void ACorruptFileIsReportedInOneLineKeptAsACopyAndReplaced(string garbage)
    {
        using var temp = new TempProgress();
        File.WriteAllText(temp.File, garbage);

        var view = Course.Progress();
        Assert.NotNull(view.Problem);
        Assert.DoesNotContain('\n', view.Problem);
        Assert.Contains(temp.File, view.Problem);

        var errors = new StringWriter();
        var before = Console.Error;
        Console.SetError(errors);
        CheckResult result;
        try { result = TempProgress.Exercise().Check(42); }
        finally { Console.SetError(before); }

        Assert.True(result.IsCorrect);
        Assert.Single(errors.ToString().TrimEnd().Split('\n'));
        Assert.Contains(".corrupt", errors.ToString());
        Assert.Equal(garbage, File.ReadAllText(temp.File + ".corrupt"));
        Assert.True(Entry(temp).EverCorrect);
        Assert.Null(Course.Progress().Problem);
    }

    [Fact]
    public void AFailingWriteNeverBreaksACheck()
    {
        using var temp = new TempProgress();
        var notAFolder = Path.Combine(temp.Folder, "a-file");
        File.WriteAllText(notAFolder, "");
        Environment.SetEnvironmentVariable("BACKENDLAB_PROGRESS", Path.Combine(notAFolder, "progress.json"));

        var errors = new StringWriter();
        var before = Console.Error;
        Console.SetError(errors);
        try
        {
            Assert.True(TempProgress.Exercise().Check(42).IsCorrect);
            Assert.Equal(CheckOutcome.Incorrect, TempProgress.Exercise().Check(1).Outcome);
        }
        finally { Console.SetError(before); }

        var lines = errors.ToString().TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("(Your progress was not saved this time:", l));
        Assert.Equal("", File.ReadAllText(notAFolder));
    }

    [Fact]
    public void AHeldLockIsWaitedForABoundedTime()
    {
        using var temp = new TempProgress();
        var store = new ProgressStore(temp.File) { LockWait = TimeSpan.FromMilliseconds(300) };
        store.Record("01-backend-basics/q1", "exercise", CheckOutcome.Correct, DateTimeOffset.UtcNow);

        var clock = Stopwatch.StartNew();
        using (new FileStream(temp.File + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            Assert.Throws<TimeoutException>(() => store.Record("01-backend-basics/q2", "exercise", CheckOutcome.Correct, DateTimeOffset.UtcNow));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));

        // Released: the next write goes through, and the first one is still there.
        store.Record("01-backend-basics/q2", "exercise", CheckOutcome.Incorrect, DateTimeOffset.UtcNow);
        Assert.Equal(["01-backend-basics/q1", "01-backend-basics/q2"], store.Read().Items.Keys.Order());
    }

    [Fact]
    public void WritesLeaveNoTempFilesBehind()
    {
        using var temp = new TempProgress();
        for (var i = 0; i < 5; i++) TempProgress.Exercise().Check(i);
        Assert.Equal(["progress.json", "progress.json.lock"], Directory.GetFiles(temp.Folder).Select(Path.GetFileName).Order());
    }

    static ProgressEntry Entry(TempProgress temp) => new ProgressStore(temp.File).Read().Items["01-backend-basics/q1"];
}

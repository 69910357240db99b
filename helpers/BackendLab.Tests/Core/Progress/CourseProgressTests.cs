using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BackendLab.Tests;

public class CourseProgressTests
{
    /// <summary>Every exercise the notebooks tag (<c>exercise:qN</c>; concept questions <c>question:concepts-qN</c>), as "&lt;notebook&gt;/&lt;qN&gt;": evidence independent of reflection.</summary>
    static SortedSet<string> TaggedInNotebooks(string prefix = "exercise:")
    {
        var folder = NotebookLinks.Folder(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no notebooks folder above the tests");
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.ipynb"))
            foreach (var cell in JsonNode.Parse(File.ReadAllText(file))!["cells"]!.AsArray())
                foreach (var tag in cell!["metadata"]?["tags"]?.AsArray() ?? [])
                    if (((string?)tag)?.StartsWith(prefix, StringComparison.Ordinal) == true)
                        ids.Add($"{Path.GetFileNameWithoutExtension(file)}/{((string)tag!)[prefix.Length..]}");
        return ids;
    }

    [Fact]
    public void TheCatalogueHoldsEveryExerciseTheNotebooksHave()
    {
        var all = ProgressCatalogue.All();
        var catalogue = all.Where(i => i.Kind == "exercise").ToList();
        var tagged = TaggedInNotebooks();

        Assert.True(tagged.Count >= 10, $"only {tagged.Count} tagged exercises found");
        Assert.Equal(TaggedInNotebooks("question:"), new SortedSet<string>(all.Where(i => i.Kind == "question").Select(i => i.Id), StringComparer.Ordinal));
        Assert.Equal(all.OrderBy(i => i.Lesson).Select(i => i.Id), all.Select(i => i.Id));
        Assert.Equal(tagged, new SortedSet<string>(catalogue.Select(i => i.Id), StringComparer.Ordinal));
        Assert.All(catalogue, i => Assert.EndsWith("." + char.ToUpperInvariant(i.Id[i.Id.LastIndexOf('/') + 1]) + i.Id[(i.Id.LastIndexOf('/') + 2)..], i.Handle)); // Lesson01.Q1
        Assert.All(catalogue, i => Assert.Equal(int.Parse(i.Notebook[..2]), i.Lesson));
        Assert.Equal(catalogue.OrderBy(i => i.Lesson).Select(i => i.Id), catalogue.Select(i => i.Id));
    }

    public static class Declared
    {
        public static ValueExercise<int> AsProperty { get; } = new("07-elsewhere/q2", "Declared as a property", 1);
        public static readonly Exercise AsBaseType = new ValueExercise<string>("07-elsewhere/q10", "Declared with the base type", "x");
        internal static readonly ValueExercise<int> Hidden = new("07-elsewhere/q3", "Not public", 1);
    }

    [Fact]
    public void DiscoveryFindsAnyPublicStaticExerciseInAnyType()
    {
        var ids = ProgressCatalogue.All(typeof(CourseProgressTests).Assembly).Select(i => i.Id).ToList();

        Assert.Contains("00-example/q1", ids); // ExampleExercises: fields
        Assert.Contains("07-elsewhere/q2", ids);
        Assert.DoesNotContain("07-elsewhere/q3", ids);
        Assert.True(ids.IndexOf("07-elsewhere/q2") < ids.IndexOf("07-elsewhere/q10"), "q2 comes before q10");
        Assert.Equal("Declared.AsProperty", ProgressCatalogue.All(typeof(CourseProgressTests).Assembly).Single(i => i.Id == "07-elsewhere/q2").Handle);
    }

    [Fact]
    public async Task ProgressListsEveryExerciseDoneOrNotWithALinkToItsNotebook()
    {
        using var temp = new TempProgress();
        var catalogue = ProgressCatalogue.All();
        await Lesson01.Q2.Check(null!); // a real lesson exercise, not attempted
        TempProgress.Exercise("01-backend-basics/q1").Check(42); // stands in for a correct Lesson01.Q1

        var progress = Course.Progress();
        var html = Render(progress);

        Assert.True(progress.IsOn);
        Assert.Equal(catalogue.Count, progress.Rows.Count);
        var (exercises, questions) = (catalogue.Count(i => i.Kind == "exercise"), catalogue.Count(i => i.Kind == "question"));
        Assert.Equal($"1 of {exercises} exercises done, 0 of {questions} question{(questions == 1 ? "" : "s")} done", progress.Summary);
        Assert.Contains($"Your progress: 1 of {exercises} exercises done", html);
        Assert.Equal(catalogue.Count, Regex.Count(html, "data-backendlab-item="));
        Assert.Single(Regex.Matches(html, "data-backendlab-done=\"true\""));
        Assert.Contains("never checked", html);
        Assert.Contains("not attempted, ", html);
        Assert.Contains(temp.File, html);
        var notebooks = NotebookLinks.Folder(AppContext.BaseDirectory)!;
        foreach (var row in progress.Rows)
        {
            Assert.Contains($"<a href=\"{row.Link}\">{row.Item.Notebook}</a>", html);
            Assert.True(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), row.Link)), $"{row.Link} does not lead to a notebook");
            Assert.True(File.Exists(Path.Combine(notebooks, row.Item.Notebook + ".ipynb")));
        }
    }

    [Fact]
    public void AnyCheckableItemCanRecordAndIsCountedByItsKind()
    {
        using var temp = new TempProgress();
        Assert.True(ProgressLog.Record("02-frontend-backend-boundary/c1", "question", CheckOutcome.Correct));
        Assert.True(ProgressLog.Record("02-frontend-backend-boundary/c2", "question", CheckOutcome.Incorrect));

        var progress = Course.Progress();

        var (exercises, questions) = (ProgressCatalogue.All().Count(i => i.Kind == "exercise"), ProgressCatalogue.All().Count(i => i.Kind == "question"));
        Assert.Equal($"0 of {exercises} exercises done, 1 of {questions + 2} questions done", progress.Summary);
        var row = progress.Rows.Single(r => r.Item.Id == "02-frontend-backend-boundary/c1");
        Assert.Equal((2, "question", true), (row.Item.Lesson, row.Item.Kind, row.IsDone));
        Assert.Contains("<a href=\"", Render(progress));
    }

    [Fact]
    public void LinksAreRelativeToTheNotebooksFolderWhenRunFromIt()
    {
        var notebooks = NotebookLinks.Folder(AppContext.BaseDirectory)!;
        Assert.Equal("01-backend-basics.ipynb", NotebookLinks.To("01-backend-basics", notebooks));
        Assert.Equal("../notebooks/01-backend-basics.ipynb", NotebookLinks.To("01-backend-basics", Path.Combine(Path.GetDirectoryName(notebooks)!, "helpers")));
    }

    [Fact]
    public void WhenProgressIsOffItSaysSoAndWhy()
    {
        var progress = Course.Progress();
        var html = Render(progress);

        Assert.False(progress.IsOn);
        Assert.Contains("data-backendlab-progress=\"off\"", html);
        Assert.Contains("Progress is off here", html);
        Assert.Contains("BACKENDLAB_PROGRESS=off", html);
        Assert.Contains($"the course has {ProgressCatalogue.All().Count(i => i.Kind == "exercise")} exercises and ", html);
        Assert.Contains("Progress is off here", Render(Course.ResetProgress(confirm: true)));
    }

    [Fact]
    public void ResetFirstSaysWhatItWouldForgetThenForgetsWhenConfirmed()
    {
        using var temp = new TempProgress();
        Assert.Contains("Nothing to forget", Course.ResetProgress().ToString());
        TempProgress.Exercise("01-backend-basics/q1").Check(42);
        TempProgress.Exercise("01-backend-basics/q2").Check(1);

        var preview = Course.ResetProgress();
        Assert.Equal("Nothing forgotten yet", preview.Title);
        Assert.Contains("2 checked items recorded (1 done)", preview.Message);
        Assert.Contains("Course.ResetProgress(confirm: true)", preview.Message);
        Assert.Contains("✓ done   01-backend-basics/q1", preview.Details);
        Assert.True(File.Exists(temp.File), "a preview deletes nothing");
        Assert.Equal(1, Course.Progress().Done);

        var reset = Course.ResetProgress(confirm: true);
        Assert.Equal("Progress forgotten", reset.Title);
        Assert.Contains("Forgot 2 items", reset.Message);
        Assert.False(File.Exists(temp.File));
        Assert.Equal(0, Course.Progress().Done);
        Assert.Contains("Nothing to forget", Course.ResetProgress().ToString());
    }

    static string Render(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}

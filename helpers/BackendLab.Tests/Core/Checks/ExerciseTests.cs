using System.Text.Encodings.Web;
using static BackendLab.Tests.Core.ExampleExercises;

namespace BackendLab.Tests.Core;

public class ExerciseTests
{
    [Theory]
    [InlineData("02-frontend-backend-boundary/q1", "Lesson02.Q1")]
    [InlineData("06-dotnet-runtime-and-concurrency/q2", "Lesson06.Q2")]
    [InlineData("06b-fastapi-vs-kestrel/q1", "Lesson06b.Q1")]
    [InlineData("07-capstone/q3", "Lesson07.Q3")]
    [InlineData("scratch/q1", "q1")]
    public void MessagesNameTheExerciseTheWayANotebookReachesIt(string id, string handle) =>
        Assert.Equal(handle, new EndpointExercise(id, "t").Handle);

    [Fact]
    public void HintsCountAndPointToTheNextOne()
    {
        Assert.Equal("Hint 1 of 3", Greet.Hint().Label);
        Assert.EndsWith("(More: `Lesson00.Q1.Hint(2)`.)", Greet.Hint().Text);
        Assert.Equal("Hint 2 of 3", Greet.Hint(2).Label);
        Assert.Equal("Return the greeting as a string.", Greet.Hint(3).Text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void AHintOutOfRangeSaysHowManyThereAre(int n) =>
        Assert.StartsWith("There are 3 hints for this exercise: try `Lesson00.Q1.Hint(", Greet.Hint(n).Text);

    [Fact]
    public void AnExerciseWithoutHintsSaysSo() => Assert.StartsWith("There are no hints", CreateItem.Hint().Text);

    [Fact]
    public void SolutionReadsTheFileForTheExercise()
    {
        var root = Directory.CreateTempSubdirectory("backendlab-solutions-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "00-example"));
            File.WriteAllText(Path.Combine(root, "00-example", "q1.csx"), "// greet\nawait q1.Check(app => { app.MapGet(\"/hello/{name}\", (string name) => $\"Hello, {name}!\"); })");
            var exercise = new EndpointExercise("00-example/q1", "t") { SolutionsRoot = root };

            var solution = exercise.Solution();

            Assert.True(solution.IsCode);
            Assert.StartsWith("// greet\nawait q1.Check(", solution.Text);
            var html = Render(solution);
            Assert.Contains("<span style=\"color:#6a9955\">// greet</span>", html);
            Assert.Contains("<span style=\"color:#569cd6\">await</span>", html);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void AMissingSolutionSaysWhereItLooked()
    {
        var exercise = new EndpointExercise("00-example/q9", "t") { SolutionsRoot = Path.GetTempPath() };
        Assert.False(exercise.Solution().IsCode);
        Assert.StartsWith("No solution file found: looked for `solutions/00-example/q9.csx`", exercise.Solution().Text);
    }

    [Fact]
    public void SolutionFilesAreFoundNextToTheNotebookOrUnderNotebooksAbove()
    {
        var repo = Directory.CreateTempSubdirectory("backendlab-repo-").FullName;
        try
        {
            var file = Path.Combine(repo, "notebooks", "solutions", "01-basics", "q2.csx");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "x");
            var deep = Directory.CreateDirectory(Path.Combine(repo, "artifacts", "bin", "BackendLab")).FullName;

            Assert.Equal(file, SolutionFiles.Find("01-basics/q2", Path.Combine(repo, "notebooks"), null));
            Assert.Equal(file, SolutionFiles.Find("01-basics/q2", deep, null));
            Assert.Equal(file, SolutionFiles.Find("01-basics/q2", Path.GetTempPath(), deep));
            Assert.Null(SolutionFiles.Find("01-basics/q3", Path.Combine(repo, "notebooks"), deep));
        }
        finally { Directory.Delete(repo, recursive: true); }
    }

    [Theory]
    [InlineData(CheckOutcome.Correct, "correct", "Correct")]
    [InlineData(CheckOutcome.Incorrect, "incorrect", "Not yet — incorrect")]
    [InlineData(CheckOutcome.NotAttempted, "not-attempted", "Not yet — not attempted")]
    public void CheckResultsCarryTheAttributeTheRunnerReads(CheckOutcome outcome, string attribute, string label)
    {
        var html = Render(new CheckResult(outcome, "00-example/q1", "The `body` is <b>wrong</b>."));

        Assert.Contains($"data-backendlab-check=\"{attribute}\"", html);
        Assert.Contains(label, html);
        Assert.Contains("<code", html);
        Assert.Contains("&lt;b&gt;wrong&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>wrong</b>", html);
    }

    [Fact]
    public void CheckResultsReadAsText() =>
        Assert.Equal("Not yet — incorrect (00-example/q1): It differs.\nline", new CheckResult(CheckOutcome.Incorrect, "00-example/q1", "It differs.", "line").ToString());

    [Fact]
    public void AnIdNeedsANotebookAndAQuestion()
    {
        var error = Assert.Throws<ArgumentException>(() => new EndpointExercise("q1", "t"));
        Assert.Contains("\"01-backend-basics/q1\"", error.Message);
        Assert.Equal("q1", Greet.Name);
    }

    static string Render(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}

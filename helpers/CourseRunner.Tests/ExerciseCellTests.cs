using CourseRunner.Execution;

namespace CourseRunner.Tests;

/// <summary>
/// An exercise cell ends with its own check call, in the real kernel: an edit that does not compile fails the whole cell,
/// so it shows only the compile errors and no verdict, where a separate check cell would judge the previous definition.
/// </summary>
public class ExerciseCellTests
{
    private const string Usings = "using BackendLab;\nusing BackendLab.Lessons.L01BackendBasics;\nusing Microsoft.AspNetCore.Builder;";

    private const string Starter = """
        void MapVisits(WebApplication app)
        {
            app.MapPost("/visits", int () => throw new NotImplementedException());
            app.MapGet("/visits", int () => throw new NotImplementedException());
        }

        await Lesson01.Q2.Check(MapVisits)
        """;

    // The learner's edit, with a missing ';': the kernel keeps the starter's MapVisits.
    private const string EditThatDoesNotCompile = """
        void MapVisits(WebApplication app)
        {
            var visits = 0
            app.MapPost("/visits", () => Interlocked.Increment(ref visits));
            app.MapGet("/visits", () => visits);
        }

        await Lesson01.Q2.Check(MapVisits)
        """;

    [Fact]
    public async Task A_cell_whose_code_does_not_compile_shows_only_its_errors_and_no_verdict()
    {
        var notebook = new TempNotebook(name: "01-backend-basics").Code(
            $"#r \"{RunnerCli.BackendLabDll}\"\n{Usings}",
            Starter,
            EditThatDoesNotCompile,
            "await Lesson01.Q2.Check(MapVisits)"); // the old layout: a separate check cell after the failed edit

        var run = await Run.NotebookAsync(notebook);

        run.Code(0).AssertOk();
        Assert.Equal(["not-attempted"], Verdicts(run.Code(1)));

        var failed = run.Code(2);
        Assert.Equal(CellStatus.Failed, failed.Status);
        Assert.Contains("error CS1002: ; expected", failed.Error());
        Assert.All(failed.Outputs, o => Assert.IsType<ErrorOutput>(o)); // only the compile errors
        Assert.Empty(Verdicts(failed));

        // Why the check belongs in the cell: a separate check cell silently judges the starter that is still defined.
        Assert.Equal(["not-attempted"], Verdicts(run.Code(3)));
    }

    private static List<string> Verdicts(CellResult cell) =>
        [.. cell.Outputs.OfType<DataOutput>()
            .SelectMany(o => o.Data.Values)
            .SelectMany(html => System.Text.RegularExpressions.Regex.Matches(html, "data-backendlab-check=\"([a-z-]+)\"").Select(m => m.Groups[1].Value))];
}

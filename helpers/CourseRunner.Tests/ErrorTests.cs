using CourseRunner.Execution;

namespace CourseRunner.Tests;

/// <summary>Facts: how a cell fails, and what survives the failure.</summary>
public class ErrorTests
{
    [Fact]
    public async Task A_compile_error_reads_like_the_kernels()
    {
        var run = await Run.CellsAsync("var y = 1");

        Assert.Equal(CellStatus.Failed, run.Code(0).Status);
        Assert.Equal("(1,10): error CS1002: ; expected", run.Code(0).Error());
    }

    [Fact]
    public async Task Several_compile_errors_are_one_a_line_with_line_numbers_of_the_cell()
    {
        var run = await Run.CellsAsync("int a = 1;\nint b = \"two\";\nint c = undefinedName;");

        Assert.Equal(
            "(2,9): error CS0029: Cannot implicitly convert type 'string' to 'int'\n" +
            "(3,9): error CS0103: The name 'undefinedName' does not exist in the current context",
            run.Code(0).Error());
    }

    [Fact]
    public async Task Line_numbers_count_the_r_directive_line_that_Roslyn_sees()
    {
        // The kernel passes `#r "..."` through to Roslyn with the code (only its own magics are cut out).
        var run = await Run.CellsAsync("#r \"Microsoft.AspNetCore\"\nvar y = 1");

        Assert.Equal("(2,10): error CS1002: ; expected", run.Code(0).Error());
    }

    [Fact]
    public async Task A_runtime_exception_fails_the_cell_with_exception_ToString()
    {
        var run = await Run.CellsAsync("throw new InvalidOperationException(\"boom\");");

        var error = run.Code(0).Error();
        Assert.StartsWith("System.InvalidOperationException: boom\n   at Submission#", error);
        Assert.Equal("System.InvalidOperationException: boom", run.Code(0).Failure);
    }

    [Fact]
    public async Task Variables_assigned_before_a_throw_stay_defined()
    {
        var run = await Run.CellsAsync("int x = 5;\nthrow new Exception(\"boom\");", "x * 2");

        Assert.Equal(CellStatus.Failed, run.Code(0).Status);
        Assert.Contains("<pre>10</pre>", run.Code(1).Value().Data["text/html"]);
    }

    [Fact]
    public async Task A_cell_that_does_not_compile_changes_nothing()
    {
        var run = await Run.CellsAsync("var z = 1;", "z = 2;\nint w = \"no\";", "z");

        Assert.Contains("<pre>1</pre>", run.Code(2).Value().Data["text/html"]);
    }

    [Fact]
    public async Task Run_all_goes_on_after_a_failed_cell()
    {
        var run = await Run.CellsAsync("var a = 1;", "nonsense here", "throw new Exception();", "a + 1");

        Assert.Equal([CellStatus.Ok, CellStatus.Failed, CellStatus.Failed, CellStatus.Ok], run.Cells.Select(c => c.Status));
        Assert.Contains("<pre>2</pre>", run.Code(3).Value().Data["text/html"]);
        Assert.Equal(2, run.FailedCells);
        Assert.False(run.Succeeded);
    }

    [Fact]
    public async Task Each_notebook_gets_a_fresh_script_state()
    {
        await Run.CellsAsync("var onlyInTheFirst = 1;");
        var second = await Run.CellsAsync("onlyInTheFirst");

        Assert.Contains("error CS0103", second.Code(0).Error());
    }
}

using CourseRunner.Execution;

namespace CourseRunner.Tests;

/// <summary>Facts: Console.Out / Console.Error become the cell's stdout / stderr outputs.</summary>
public class ConsoleCaptureTests
{
    [Fact]
    public async Task Console_out_and_error_become_stream_outputs_in_order()
    {
        var run = await Run.CellsAsync("Console.WriteLine(\"a\");\nConsole.Write(\"b\");\nConsole.Error.WriteLine(\"oops\");\ndisplay(\"shown\");\nConsole.WriteLine(\"c\");");

        var outputs = run.Code(0).Outputs;
        Assert.Collection(outputs,
            o => Assert.Equal(("stdout", "a\nb"), (((StreamOutput)o).Name, ((StreamOutput)o).Text)),
            o => Assert.Equal(("stderr", "oops\n"), (((StreamOutput)o).Name, ((StreamOutput)o).Text)),
            o => Assert.Equal("shown", ((DataOutput)o).Data["text/plain"]),
            o => Assert.Equal(("stdout", "c\n"), (((StreamOutput)o).Name, ((StreamOutput)o).Text)));
    }

    [Fact]
    public async Task Threads_and_tasks_started_by_the_cell_write_into_it_while_it_runs()
    {
        var run = await Run.CellsAsync(
            "var t = new System.Threading.Thread(() => Console.WriteLine(\"from a thread\"));\nt.Start(); t.Join();\nawait Task.Run(() => Console.WriteLine(\"from a task\"));");

        run.Code(0).AssertOk();
        Assert.Equal("from a thread\nfrom a task\n", run.Code(0).Stdout());
    }

    [Fact]
    public async Task Output_of_a_finished_cells_background_work_shows_in_no_cell()
    {
        var run = await Run.CellsAsync(
            "_ = Task.Run(async () => { await Task.Delay(300); Console.WriteLine(\"late\"); });\nConsole.WriteLine(\"early\");",
            "await Task.Delay(1000);\nConsole.WriteLine(\"second\");");

        Assert.Equal("early\n", run.Code(0).Stdout());
        Assert.Equal("second\n", run.Code(1).Stdout());
    }
}

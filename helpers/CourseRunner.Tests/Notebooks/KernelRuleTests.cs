namespace CourseRunner.Tests.CourseNotebooks;

/// <summary>The notebook suite's static rules catch what they should, and nothing more.</summary>
public class KernelRuleTests
{
    [Theory]
    [InlineData("using var client = new HttpClient();\nclient.GetAsync(\"/\");", "using var")]
    [InlineData("var x = 1;\nusing var s = new MemoryStream();", "using var")]
    [InlineData("#r \"nuget: Plotly.NET, 6.0.0\"\nvar x = 1;", "nuget")]
    [InlineData("var app = WebApplication.Create();\napp.Run();", "blocks the cell")]
    [InlineData("await app.RunAsync();", "blocks the cell")]
    [InlineData("var x = 1;\n#r \"Microsoft.AspNetCore\"", "after code")]
    public void FlagsWhatBreaksInTheKernel(string cell, string expected) =>
        Assert.Contains(NotebookSuite.KernelProblems(cell), p => p.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("#r \"../artifacts/bin/BackendLab/release/BackendLab.dll\"\nusing BackendLab;\nusing System.Net.Http;")]
    [InlineData("using (var s = new MemoryStream()) { s.WriteByte(1); }")]
    [InlineData("async Task F() { using var s = new MemoryStream(); await Task.Yield(); }")]
    [InlineData("await Task.Run(() => 1)")]
    [InlineData("await Load.RunAsync(server, 10)")]
    [InlineData("// #r \"nuget: x\" is what we avoid\nvar x = 1;")]
    public void AcceptsWhatRunsTheSame(string cell) => Assert.Empty(NotebookSuite.KernelProblems(cell));
}

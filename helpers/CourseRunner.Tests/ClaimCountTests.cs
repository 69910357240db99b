using System.Text.Json.Nodes;

namespace CourseRunner.Tests;

/// <summary>
/// Claims counted by the built runner in a real kernel: a notebook with one claim that holds and one that does not.
/// For a learner the cell completes and the summary counts both; in CI (<c>CI=true</c>) the claim that does not hold
/// fails the run, its statement printed.
/// </summary>
public class ClaimCountTests
{
    static string Notebook(string folder) =>
        new TempNotebook(folder, "claims").Code(
            $"#r \"{RunnerCli.BackendLabDll}\"\nusing BackendLab;",
            "var measured = 6 * 7;\nClaim.That($\"the answer is {measured}\", measured == 42)",
            "Claim.All(($\"{measured} is even\", measured % 2 == 0), ($\"{measured} is over 100\", measured > 100)).On(cores: 1)",
            "\"after the claims\"").Save();

    [Fact]
    public async Task A_claim_that_does_not_hold_is_counted_and_shown_but_fails_nothing_outside_CI()
    {
        var folder = Directory.CreateTempSubdirectory("course-runner-claims-").FullName;
        Notebook(folder);
        var (exit, stdout) = await RunnerCli.RunAsync(TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["CI"] = "false" },
            folder, "--out", Path.Combine(folder, "out"));

        Assert.True(exit == 0, stdout);
        Assert.Contains("claims.ipynb: ok, 0 of 4 code cells failed, claims: 1 held, 1 not held", stdout);
        Assert.Contains("claim not held, cell 3: ✗ 42 is over 100", stdout);
        Assert.Contains("claims 1 held, 1 not held", stdout);
        var index = File.ReadAllText(Path.Combine(folder, "out", "index.html"));
        Assert.Contains("1 held, <span class=\"status-failed\">1 not held</span>", index);
        var page = File.ReadAllText(Path.Combine(folder, "out", "claims.html"));
        Assert.Contains("data-backendlab-claim=\"not-held\"", page);
        Assert.Contains("the server had 1 core", page);
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "notebooks", "claims.ipynb")))!;
        Assert.Equal("after the claims", string.Concat(executed["cells"]![3]!["outputs"]![0]!["data"]!["text/plain"]!.AsArray().Select(l => (string?)l)));
    }

    [Fact]
    public async Task In_CI_a_claim_that_does_not_hold_fails_the_run_with_its_statement_and_one_that_holds_does_not()
    {
        var folder = Directory.CreateTempSubdirectory("course-runner-claims-").FullName;
        Notebook(folder);
        var (exit, stdout) = await RunnerCli.RunAsync(TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["CI"] = "true" },
            folder, "--out", Path.Combine(folder, "out"));

        Assert.True(exit == 1, stdout);
        Assert.Contains("CI: every claim must hold", stdout);
        Assert.Matches(@"cell   2  ok ", stdout);
        Assert.Contains("FAILED  ", stdout);
        Assert.Contains("claim not held (CI: every claim must hold): ✗ 42 is over 100", stdout);
        Assert.Contains("claims.ipynb: FAILED, 1 of 4 code cells failed, claims: 1 held, 1 not held", stdout);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void CI_is_on_for_any_value_but_false_and_0(string? value, bool on) =>
        Assert.Equal(on, CourseRunner.Execution.RunOptions.IsCi(value));
}

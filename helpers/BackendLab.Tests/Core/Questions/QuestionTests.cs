using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace BackendLab.Tests.Core;

public class QuestionTests
{
    static readonly ChoiceQuestion Choice = new("03-client-server/concepts-q1", "Which is faster?", ["one user", "eight users"], 'B',
        "Eight users keep the server busy.", ["Count the requests in flight.", "Little's law."]) { WhyNot = new Dictionary<char, string> { ['a'] = "One user waits." } };

    static readonly NumberQuestion Number = new("03-client-server/concepts-q2", "100 requests in 0.5 s: requests per second?", 200,
        "100 ÷ 0.5 = 200.") { Tolerance = 0.5, Unit = "req/s" };

    static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void TheRightAnswerIsCorrectAndExplained()
    {
        var result = Choice.Check('b');
        Assert.Equal(CheckOutcome.Correct, result.Outcome);
        Assert.Equal("Eight users keep the server busy.", result.Details);
        Assert.Contains("data-backendlab-check=\"correct\"", Html(result));
        Assert.True(Choice.Check('B').IsCorrect);
        Assert.True(Number.Check(200.4).IsCorrect);
    }

    [Fact]
    public void AWrongAnswerIsIncorrectSaysWhatWasPickedAndNeverTheAnswer()
    {
        var result = Choice.Check('a');
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Equal("You picked `'a'` (one user); that is not it. One user waits. Think again, or ask `Lesson03.Concepts.Q1.Hint()`.", result.Message);
        Assert.DoesNotContain("eight users", result.Message);
        Assert.Contains("not one of the choices", Choice.Check('z').Message);

        var number = Number.Check(20);
        Assert.Equal(CheckOutcome.Incorrect, number.Outcome);
        Assert.Equal("You answered `20 req/s`; that is not it (too low). Think again, or ask `Lesson03.Concepts.Q2.Hint()`.", number.Message);
        Assert.Contains("data-backendlab-check=\"incorrect\"", Html(number));
    }

    [Fact]
    public void NoAnswerIsNotAttemptedAndRepeatsTheQuestion()
    {
        var result = Choice.Check(null);
        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
        Assert.Contains("in place of `null`, e.g. `Lesson03.Concepts.Q1.Check(answer: 'a')`", result.Message);
        Assert.Equal("Which is faster?\n  a) one user\n  b) eight users", result.Details);
        Assert.Equal(CheckOutcome.NotAttempted, Number.Check(null).Outcome);
        Assert.Contains("data-backendlab-check=\"not-attempted\"", Html(Number.Check(null)));
    }

    [Fact]
    public void HintsComeInOrderAndTheExplanationGivesTheAnswer()
    {
        Assert.Equal("Hint 1 of 2", Choice.Hint().Label);
        Assert.Contains("`Lesson03.Concepts.Q1.Hint(2)`", Choice.Hint().Text);
        Assert.Equal("Little's law.", Choice.Hint(2).Text);
        Assert.Contains("has 2 hints", Choice.Hint(5).Text);
        Assert.Equal("Explanation", Choice.Explanation().Label);
        Assert.Equal("Eight users keep the server busy.", Choice.Explanation().Text);
        Assert.Contains("data-backendlab-question=\"03-client-server/concepts-q1\"", Html(Choice));
    }

    [Fact]
    public void EveryCheckIsRecordedInProgressAsAQuestion()
    {
        using var temp = new TempProgress();
        Lesson00.Concepts.Q1.Check(null);
        Lesson00.Concepts.Q1.Check('a');
        Lesson00.Concepts.Q1.Check('b');
        Lesson00.Concepts.Q1.Check('c'); // a later wrong try does not undo "done"

        var entry = JsonNode.Parse(File.ReadAllText(temp.File))!["items"]!["00-start-here/concepts-q1"]!;
        Assert.Equal("question", (string?)entry["kind"]);
        Assert.Equal(4, (int)entry["attempts"]!);
        Assert.True((bool)entry["everCorrect"]!);
        var row = Course.Progress().Rows.Single(r => r.Item.Id == "00-start-here/concepts-q1");
        Assert.Equal(("question", "Lesson00.Concepts.Q1", true), (row.Item.Kind, row.Item.Handle, row.IsDone));
    }

    [Fact]
    public void TheCommittedSolutionAnswersLesson00sQuestionCorrectly()
    {
        var solution = File.ReadAllText(Path.Combine(NotebookLinks.Folder(AppContext.BaseDirectory)!, "solutions", "00-start-here", "concepts-q1.csx"));
        var letter = System.Text.RegularExpressions.Regex.Match(solution, @"answer\s*[=:]\s*'(.)'").Groups[1].Value;
        Assert.True(letter.Length == 1, $"no answer found in the solution:\n{solution}");
        Assert.True(Lesson00.Concepts.Q1.Check(letter[0]).IsCorrect, $"the solution answers '{letter}'");
    }
}

using BackendLab.Lessons.L01BackendBasics;

namespace BackendLab.Tests.Lessons.L01BackendBasics;

/// <summary>Lesson 1's concept questions: each takes its answer, says "not attempted" to null, and explains every wrong choice.</summary>
public class Lesson01ConceptsTests
{
    public static TheoryData<ChoiceQuestion, char> Choices => new()
    {
        { Lesson01.Concepts.Q1, 'b' }, { Lesson01.Concepts.Q2, 'b' }, { Lesson01.Concepts.Q4, 'b' }, { Lesson01.Concepts.Q6, 'b' },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void EachChoiceQuestionTakesItsAnswerAndExplainsEveryWrongChoice(ChoiceQuestion question, char answer)
    {
        Assert.StartsWith("01-backend-basics/concepts-q", question.Id);
        Assert.True(question.Check(answer).IsCorrect);
        Assert.Equal(CheckOutcome.NotAttempted, question.Check(null).Outcome);
        foreach (var wrong in Enumerable.Range(0, question.Choices.Count).Select(i => (char)('a' + i)).Where(c => c != answer))
        {
            Assert.Equal(CheckOutcome.Incorrect, question.Check(wrong).Outcome);
            Assert.True(question.WhyNot.ContainsKey(wrong), $"{question.Id}: no WhyNot for '{wrong}'");
        }
    }

    [Fact]
    public void Q3_thirty_requests_one_after_another_add_up()
    {
        Assert.True(Lesson01.Concepts.Q3.Check(30 * 150).IsCorrect);
        Assert.Equal(CheckOutcome.Incorrect, Lesson01.Concepts.Q3.Check(150).Outcome);
        Assert.Contains("µs", Lesson01.Concepts.Q3.Check(150).Message);
    }

    [Fact]
    public void Q5_the_unknown_item_is_checked_before_the_quantity()
    {
        Assert.True(Lesson01.Concepts.Q5.Check(404).IsCorrect);
        Assert.Equal(CheckOutcome.Incorrect, Lesson01.Concepts.Q5.Check(400).Outcome);
        Assert.Equal("Lesson01.Concepts.Q5", Lesson01.Concepts.Q5.Handle);
    }
}

namespace BackendLab.Tests.Lessons.L07Capstone;

/// <summary>The report card says each step's verdict in words and shows the step's own measured number beside what it required.</summary>
[Collection("servers")]
public class ReportCardTests
{
    [Fact]
    public async Task VerdictsAreWordsAndNumbersAreTheStepsOwn()
    {
        await Lesson07.Q3.Check(ReferenceTickets.Book);
        await Lesson07.Q4.Check((_, _, _, _) => throw new NotImplementedException());
        Lesson07.UseReference(step: 1);
        var card = Lesson07.ReportCard();
        Assert.Equal(6, card.Steps.Count);
        Assert.Equal("reference used", card.Steps[0].Status);
        Assert.Equal("correct", card.Steps[2].Status);
        Assert.Equal("not attempted", card.Steps[3].Status);
        Assert.Equal((double)Lesson07.Q3.Seats, card.Steps[2].Numbers!.Measured);
        Assert.Equal((double)Lesson07.Q3.Seats, card.Steps[2].Numbers!.Required);
        Assert.Null(card.Steps[3].Numbers);
        var html = new System.IO.StringWriter();
        card.WriteTo(html, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.Contains("seats sold", html.ToString());
        Assert.DoesNotContain("check time", html.ToString());
    }
}

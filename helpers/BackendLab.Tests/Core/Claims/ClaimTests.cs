using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace BackendLab.Tests.Core;

public class ClaimTests
{
    static string HtmlOf(IHtmlContent content)
    {
        var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void A_claim_that_holds_shows_its_statements_marked_held()
    {
        var claim = Claim.All(("a holds", true), ("b holds", true));
        Assert.True(claim.Holds);
        Assert.Equal("✓ a holds\n✓ b holds", claim.ToString().ReplaceLineEndings("\n"));
        var html = HtmlOf(claim);
        Assert.Contains("data-backendlab-claim=\"held\"", html);
        Assert.DoesNotContain("not-held", html);
        Assert.DoesNotContain("Likely reasons", html);
    }

    [Fact]
    public void A_claim_that_does_not_hold_never_throws_and_shows_the_statement_the_cores_and_the_load()
    {
        var claim = Claim.All(("a holds", true), ("2 users got 62 req/s vs 1 user's 84", false))
            .On(cores: 1, load: MachineLoad.Known(otherCores: 1.8, machineCores: 2));
        Assert.False(claim.Holds);
        Assert.Equal(["2 users got 62 req/s vs 1 user's 84"], claim.NotHeld);
        var html = HtmlOf(claim);
        Assert.Contains("data-backendlab-claim=\"not-held\"", html);
        Assert.Contains("<div data-backendlab-statement=\"not-held\">", html);
        Assert.Contains("2 users got 62 req/s vs 1 user&#x27;s 84", html);
        Assert.Contains("the server had 1 core (this machine has", html);
        Assert.Contains("other programs kept 1.8 of the machine's 2 cores busy (90 %)", claim.ToString());
        Assert.Contains("competed with the servers", claim.ToString());
    }

    [Fact]
    public void Without_a_machine_the_reasons_say_what_was_not_measured()
    {
        var text = Claim.That("b", false).ToString();
        Assert.Contains($"this machine has {Environment.ProcessorCount}", text);
        Assert.Contains("was not measured", text);
        Assert.Contains("unknown", Claim.That("b", false).On(2, MachineLoad.Known(null, 2)).ToString());
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace BackendLab;

/// <summary>
/// Light colouring of C# for solutions: comments, strings and keywords. Not a parser (a real highlighter would be
/// a large dependency for three colours); anything it does not recognise stays plain text.
/// </summary>
internal static partial class CodeHighlight
{
    public static string ToHtml(string code)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match m in Tokens().Matches(code))
        {
            html.Append(Html.Encode(code[at..m.Index]));
            var colour = m.Groups["comment"].Success ? "#6a9955" : m.Groups["string"].Success ? "#ce9178" : "#569cd6";
            html.Append($"<span style=\"color:{colour}\">{Html.Encode(m.Value)}</span>");
            at = m.Index + m.Length;
        }
        return html.Append(Html.Encode(code[at..])).ToString();
    }

    [GeneratedRegex("""(?<comment>//[^\n]*)|(?<string>@?\$*"(?:[^"\\\n]|\\.)*")|\b(?<keyword>var|new|return|await|async|using|if|else|for|foreach|in|while|true|false|null|static|public|record|class|int|string|double|bool|void|throw|try|catch)\b""")]
    private static partial Regex Tokens();
}

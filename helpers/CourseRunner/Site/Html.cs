using System.Net;

namespace CourseRunner.Site;

internal static class Html
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}

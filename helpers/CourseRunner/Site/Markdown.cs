using Markdig;

namespace CourseRunner.Site;

/// <summary>Lesson prose to HTML with Markdig (tables, task lists, auto links; raw HTML kept, it is our own prose).</summary>
internal static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    public static string ToHtml(string markdown) => Markdig.Markdown.ToHtml(markdown, Pipeline);
}

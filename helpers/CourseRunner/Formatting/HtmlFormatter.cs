using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CourseRunner.Formatting;

/// <summary>
/// <c>text/html</c> in the spirit of the kernel's default formatter: IHtmlContent written raw;
/// scalars and null (<c>&lt;null&gt;</c>) as preformatted text; dictionaries as key/value tables;
/// sequences as index/value tables (one column per property for objects), first 20 rows; other
/// objects as a property table under their ToString(). The markup reuses the kernel's CSS class
/// names (dni-plaintext, dni-treeview) but is not byte-identical to it.
/// </summary>
internal static class HtmlFormatter
{
    public const int MaxRows = 20;
    private const int MaxDepth = 3;

    public static string Format(object? value)
    {
        var html = new StringBuilder();
        Write(html, value, depth: 0);
        return html.ToString();
    }

    private static void Write(StringBuilder html, object? value, int depth)
    {
        switch (value)
        {
            case IHtmlContent content:
                using (var writer = new StringWriter(html)) content.WriteTo(writer, HtmlEncoder.Default);
                break;
            case null:
                Plain(html, PlainTextFormatter.Null, depth);
                break;
            case var scalar when ValueKinds.IsScalar(scalar):
                Plain(html, scalar.ToString() ?? "", depth);
                break;
            case IDictionary dictionary when depth < MaxDepth:
                Dictionary(html, dictionary, depth);
                break;
            case IEnumerable sequence when depth < MaxDepth:
                Sequence(html, sequence, depth);
                break;
            default:
                var members = depth < MaxDepth ? Members(value.GetType()) : [];
                if (members.Count == 0) Plain(html, value.ToString() ?? "", depth);
                else Object(html, value, members, depth);
                break;
        }
    }

    private static void Plain(StringBuilder html, string text, int depth) =>
        html.Append(depth == 0
            ? $"<div class=\"dni-plaintext\"><pre>{WebUtility.HtmlEncode(text)}</pre></div>"
            : WebUtility.HtmlEncode(text));

    private static void Dictionary(StringBuilder html, IDictionary dictionary, int depth)
    {
        html.Append("<table><thead><tr><th><i>key</i></th><th>value</th></tr></thead><tbody>");
        var rows = 0;
        foreach (DictionaryEntry entry in dictionary)
        {
            if (rows++ == MaxRows) { More(html, 2); break; }
            html.Append("<tr><td>");
            Write(html, entry.Key, depth + 1);
            html.Append("</td><td>");
            Write(html, entry.Value, depth + 1);
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void Sequence(StringBuilder html, IEnumerable sequence, int depth)
    {
        var items = sequence.Cast<object?>().Take(MaxRows + 1).ToList();
        var shown = items.Take(MaxRows).ToList();
        var itemType = shown.Where(i => i is not null).Select(i => i!.GetType()).Distinct().ToList();
        var columns = itemType.Count == 1 && !ValueKinds.IsScalar(shown.First(i => i is not null)!)
                      && shown.All(i => i is not null and not IEnumerable and not IHtmlContent)
            ? Members(itemType[0])
            : [];

        html.Append("<table><thead><tr><th><i>index</i></th>");
        if (columns.Count == 0) html.Append("<th>value</th>");
        foreach (var column in columns) html.Append($"<th>{WebUtility.HtmlEncode(column.Name)}</th>");
        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < shown.Count; i++)
        {
            html.Append($"<tr><td>{i}</td>");
            if (columns.Count == 0) Cell(html, shown[i], depth);
            foreach (var column in columns) Cell(html, Read(column, shown[i]!), depth);
            html.Append("</tr>");
        }
        if (items.Count > MaxRows) More(html, Math.Max(2, columns.Count + 1));
        html.Append("</tbody></table>");
    }

    private static void Object(StringBuilder html, object value, IReadOnlyList<MemberInfo> members, int depth)
    {
        html.Append("<details open=\"open\" class=\"dni-treeview\"><summary><span class=\"dni-code-hint\"><code>")
            .Append(WebUtility.HtmlEncode(value.ToString() ?? value.GetType().Name))
            .Append("</code></span></summary><div><table><thead><tr></tr></thead><tbody>");
        foreach (var member in members)
        {
            html.Append($"<tr><td>{WebUtility.HtmlEncode(member.Name)}</td>");
            Cell(html, Read(member, value), depth);
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div></details>");
    }

    private static void Cell(StringBuilder html, object? value, int depth)
    {
        html.Append("<td>");
        Write(html, value, depth + 1);
        html.Append("</td>");
    }

    private static void More(StringBuilder html, int columns) =>
        html.Append($"<tr><td colspan=\"{columns}\"><i>... (more)</i></td></tr>");

    private static IReadOnlyList<MemberInfo> Members(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic),
        .. type.GetFields(BindingFlags.Public | BindingFlags.Instance),
    ];

    private static object? Read(MemberInfo member, object target)
    {
        try
        {
            return member is PropertyInfo p ? p.GetValue(target) : ((FieldInfo)member).GetValue(target);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            return $"{inner.GetType().Name}: {inner.Message}";
        }
    }
}

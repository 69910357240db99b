using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Docs;

/// <summary>helpers/README.md's "API at a glance" names everything of BackendLab a notebook types.</summary>
public partial class ApiAtAGlanceTests
{
    const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;

    // Members of the framework types cells use every day: a `.Count` or `.Add` in a cell is theirs, not ours.
    static readonly HashSet<string> FrameworkMembers =
    [
        .. new[]
        {
            typeof(object), typeof(string), typeof(List<int>), typeof(Dictionary<string, int>), typeof(Enumerable), typeof(Array),
            typeof(HttpClient), typeof(HttpMethod), typeof(HttpResponseMessage), typeof(HttpRequestMessage), typeof(HttpContent), typeof(Uri), typeof(TimeSpan),
            typeof(Task), typeof(System.Diagnostics.Stopwatch), typeof(Environment), typeof(Math), typeof(Console), typeof(Random),
            typeof(WebApplication), typeof(WebApplicationBuilder), typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse),
            typeof(Results), typeof(TypedResults), typeof(Exception), typeof(System.Net.Sockets.NetworkStream), typeof(Interlocked),
            typeof(System.Collections.Concurrent.ConcurrentDictionary<string, int>), typeof(System.Text.Json.JsonSerializer),
        }.SelectMany(t => t.GetMembers(Public)).Select(m => m.Name),
        "Display", "ToTable", "Value",
    ];

    static string Glance()
    {
        var readme = File.ReadAllText(Path.Combine(CourseNotebooks.Root, "helpers", "README.md"));
        var start = readme.IndexOf("## API at a glance", StringComparison.Ordinal);
        Assert.True(start >= 0, "helpers/README.md has no \"## API at a glance\" section");
        var end = readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    /// <summary>What the notebooks type: <c>Type.Member</c> for a BackendLab type, <c>.Member</c> for a member only BackendLab has.</summary>
    internal static SortedSet<string> UsedByNotebooks()
    {
        var ours = CourseNotebooks.LibraryTypes.SelectMany(t => t.GetMembers(Public)).Select(m => m.Name)
            .Where(n => !FrameworkMembers.Contains(n) && !n.Contains('_') && !n.StartsWith("op", StringComparison.Ordinal)).ToHashSet();
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var cells in CourseNotebooks.Code.Values)
        foreach (var code in cells)
        {
            var imported = CourseNotebooks.Usings(cells).ToHashSet();
            var declared = CourseNotebooks.DeclaredTypes(cells).ToHashSet();
            var types = CourseNotebooks.LibraryTypes.Where(t => imported.Contains(t.Namespace!) && !declared.Contains(t.Name))
                .ToDictionary(t => t.Name.Split('`')[0]);
            foreach (Match m in StaticAccess().Matches(code))
                if (types.ContainsKey(m.Groups[1].Value)) used.Add($"{m.Groups[1].Value}.{m.Groups[2].Value}");
            foreach (Match m in TypeName().Matches(code))
                if (types.ContainsKey(m.Groups[1].Value)) used.Add(m.Groups[1].Value);
            foreach (Match m in MemberAccess().Matches(code))
                if (ours.Contains(m.Groups[2].Value) && !types.ContainsKey(m.Groups[1].Value)) used.Add("." + m.Groups[2].Value);
        }
        return used;
    }

    [Fact]
    public void ListsEverythingTheNotebooksUse()
    {
        var glance = Glance();
        var missing = UsedByNotebooks().Where(name => !Regex.IsMatch(glance, Regex.Escape(name) + @"\b")).ToList();
        Assert.True(missing.Count == 0, $"The API-at-a-glance page does not mention: {string.Join(", ", missing)}");
    }

    [Fact]
    public void TheCollectorFindsStaticCallsTypesAndOurMembers()
    {
        var used = UsedByNotebooks();
        Assert.Contains("Servers.StartAsync", used);
        Assert.Contains("LoadOptions", used);
        Assert.Contains(".Client", used);
        Assert.DoesNotContain(".Count", used);
    }

    [GeneratedRegex(@"\b([A-Z]\w*)\.([A-Z]\w*)")]
    private static partial Regex StaticAccess();

    [GeneratedRegex(@"\b([A-Z]\w*)\b")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"(\w+|\)|\])\.([A-Z]\w*)\b")]
    private static partial Regex MemberAccess();
}

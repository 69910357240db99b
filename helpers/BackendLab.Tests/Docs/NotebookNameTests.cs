namespace BackendLab.Tests.Docs;

/// <summary>Each lesson's types live in its own namespace, so a notebook never sees two types of one name.</summary>
public class NotebookNameTests
{
    public static TheoryData<string> Notebooks => [.. CourseNotebooks.Code.Keys];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void NoTypeANotebookDeclaresIsAlsoImportedFromBackendLab(string notebook)
    {
        var code = CourseNotebooks.Code[notebook];
        var imported = CourseNotebooks.Usings(code).ToHashSet();
        var clashes = CourseNotebooks.LibraryTypes
            .Where(t => imported.Contains(t.Namespace!) && CourseNotebooks.DeclaredTypes(code).Contains(t.Name))
            .Select(t => t.FullName).ToList();

        Assert.True(clashes.Count == 0, $"{notebook} declares types that a `using` also brings in: {string.Join(", ", clashes)}");
    }

    [Fact]
    public void TheCheckSeesDeclarationsAndImports()
    {
        string[] cells = ["using BackendLab;\nusing BackendLab.Lessons.L02Boundary;", "public record Order(int Id); // class Hidden\nsealed class Cart { }"];

        Assert.Equal(["BackendLab", "BackendLab.Lessons.L02Boundary"], CourseNotebooks.Usings(cells));
        Assert.Equal(["Order", "Cart"], CourseNotebooks.DeclaredTypes(cells));
        Assert.Contains(CourseNotebooks.LibraryTypes, t => t.Namespace == "BackendLab.Lessons.L02Boundary" && t.Name == "Order");
    }

    [Fact]
    public void EveryNotebookChecksTheLoadedBuildFirst()
    {
        foreach (var (notebook, code) in CourseNotebooks.Code)
            Assert.True(code[0].Contains($"Course.Expect(\"{Course.ApiVersion}\");"), $"{notebook}: the first cell must call Course.Expect(\"{Course.ApiVersion}\")");
    }
}

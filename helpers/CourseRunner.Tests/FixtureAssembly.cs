using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CourseRunner.Tests;

/// <summary>Compiles a tiny class library (Fixture.Greeter.Hello) into a folder, for #r tests.</summary>
internal static class FixtureAssembly
{
    public static string Build(string folder, string name = "Fixture")
    {
        const string Source = "namespace Fixture; public static class Greeter { public static string Hello(string who) => $\"Hello, {who}!\"; }";
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText(Source)],
            [
                MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
                MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll")),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".dll");
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return path;
    }
}

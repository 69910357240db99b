using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CourseRunner.Execution;

/// <summary>The kernel's script options, reproduced: same language version, imports and references.</summary>
internal static class KernelScriptOptions
{
    /// <summary>What the kernel submits before the first cell.</summary>
    public const string Preamble = "using static Microsoft.DotNet.Interactive.Kernel;";

    /// <summary>Options whose relative <c>#r</c>/<c>#load</c> resolve against <paramref name="baseDirectory"/> (the notebook's folder).</summary>
    public static ScriptOptions Create(string baseDirectory) =>
        ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .AddImports(
                "System",
                "System.Text",
                "System.Collections",
                "System.Collections.Generic",
                "System.Threading.Tasks",
                "System.Linq")
            .AddReferences(
                typeof(Enumerable).Assembly,
                typeof(IEnumerable<>).Assembly,
                typeof(Task<>).Assembly,
                // Instead of the kernel's own assemblies: the shim with display/HTML, nothing more.
                typeof(Microsoft.DotNet.Interactive.Kernel).Assembly)
            // The kernel's compilation also sees the
            // netstandard surface (its libraries target netstandard), which is what makes
            // System.Net.Http.HttpClient bind. By name, so its forwards resolve like the kernel's.
            .AddReferences("netstandard")
            .WithMetadataResolver(new FrameworkReferenceResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory)))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, baseDirectory));
}

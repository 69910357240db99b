using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CourseRunner.Execution;

/// <summary>
/// Roslyn's own script resolver, narrowed: a bare name (<c>#r "Microsoft.AspNetCore"</c>) and an
/// implicitly resolved dependency may come only from the shared frameworks (Microsoft.NETCore.App,
/// Microsoft.AspNetCore.App) or from the referencing DLL's own folder. Roslyn alone would also
/// accept the runner's private dependencies (Roslyn, Markdig) by name, which the kernel's process
/// may not have — stricter, so a notebook cannot lean on the runner's own packages.
/// </summary>
internal sealed class FrameworkReferenceResolver(MetadataReferenceResolver inner) : MetadataReferenceResolver
{
    private static readonly string[] FrameworkDirectories =
    [
        Path.GetDirectoryName(typeof(object).Assembly.Location)!,
        Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!,
    ];

    public override bool ResolveMissingAssemblies => inner.ResolveMissingAssemblies;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(
        string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        var resolved = inner.ResolveReference(reference, baseFilePath, properties);
        return IsBareName(reference) ? [.. resolved.Where(r => InFramework(r.FilePath))] : resolved;
    }

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity)
    {
        var resolved = inner.ResolveMissingAssembly(definition, referenceIdentity);
        var definitionDirectory = (definition as PortableExecutableReference)?.FilePath is { } path ? Path.GetDirectoryName(path) : null;
        return resolved is not null && (InFramework(resolved.FilePath) || SameDirectory(resolved.FilePath, definitionDirectory))
            ? resolved
            : null;
    }

    private static bool IsBareName(string reference) =>
        !reference.Contains('/') && !reference.Contains('\\') &&
        !reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) &&
        !reference.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);

    private static bool InFramework(string? file) =>
        file is not null && FrameworkDirectories.Any(d => SameDirectory(file, d));

    private static bool SameDirectory(string? file, string? directory) =>
        file is not null && directory is not null &&
        string.Equals(Path.GetDirectoryName(Path.GetFullPath(file)), Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    public override bool Equals(object? other) => other is FrameworkReferenceResolver r && r.InnerEquals(inner);

    private bool InnerEquals(MetadataReferenceResolver other) => inner.Equals(other);

    public override int GetHashCode() => inner.GetHashCode();
}

using System.Globalization;

namespace CourseRunner.Cli;

/// <summary>The parsed command line; <see cref="Error"/> is set when it makes no sense.</summary>
internal sealed record CliArguments(
    IReadOnlyList<string> Inputs, string OutDirectory, bool Solutions, TimeSpan CellTimeout, bool Help, string? Error)
{
    public const string Usage = """
        Usage: CourseRunner <notebook.ipynb | folder>... [--out DIR] [--solutions] [--cell-timeout SECONDS]

          Runs every C# cell of each notebook in the pinned .NET Interactive kernel (.config/dotnet-tools.json;
          a fresh `dotnet-interactive stdio` process per notebook, as VS Code runs it), writes the executed
          notebooks and an offline HTML site, and exits non-zero if any cell failed or any notebook could not run.

          folder             every *.ipynb directly in it, by name
          --out DIR          where to write notebooks/ and the site (default: artifacts/course)
          --solutions        run solutions/<notebook>/<id>.csx in place of each exercise:<id> cell;
                             every check must then be correct
          --cell-timeout S   seconds a cell may run (default: 120); a cell over it fails, its kernel is
                             ended with everything it started, and the rest of its notebook is not run
        """;

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var inputs = new List<string>();
        var result = new CliArguments(inputs, Path.Combine("artifacts", "course"), false, TimeSpan.FromSeconds(120), false, null);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    result = result with { Help = true };
                    break;
                case "--solutions":
                    result = result with { Solutions = true };
                    break;
                case "--out" when i + 1 < args.Count:
                    result = result with { OutDirectory = args[++i] };
                    break;
                case "--cell-timeout" when i + 1 < args.Count:
                    if (!double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                        return result with { Error = $"--cell-timeout needs a positive number of seconds, not '{args[i]}'" };
                    result = result with { CellTimeout = TimeSpan.FromSeconds(seconds) };
                    break;
                case var option when option.StartsWith('-'):
                    return result with { Error = $"unknown or incomplete option '{option}'" };
                default:
                    inputs.Add(args[i]);
                    break;
            }
        }
        return inputs.Count == 0 && !result.Help ? result with { Error = "no notebook or folder given" } : result;
    }

    /// <summary>Notebook paths, folders expanded (their *.ipynb, sorted); missing inputs become errors.</summary>
    public IEnumerable<(string Path, string? Missing)> Notebooks()
    {
        foreach (var input in Inputs)
        {
            if (Directory.Exists(input))
            {
                foreach (var file in Directory.GetFiles(input, "*.ipynb").Order(StringComparer.Ordinal))
                    yield return (file, null);
            }
            else if (File.Exists(input)) yield return (input, null);
            else yield return (input, "no such file or folder");
        }
    }
}

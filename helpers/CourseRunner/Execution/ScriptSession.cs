using System.Reflection;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CourseRunner.Execution;

/// <summary>What one submission did: a compile error, a runtime exception, or a (possibly void) value.</summary>
internal sealed record SubmissionOutcome(string? CompileErrors, Exception? Exception, bool HasValue, object? Value);

/// <summary>
/// One notebook's Roslyn script state, advanced cell by cell exactly like the kernel:
/// <c>CSharpScript.RunAsync</c> for the preamble, then <c>ContinueWithAsync(code, options, catchException: _ => true)</c>.
/// After a runtime exception the new state is kept (variables assigned before the throw stay);
/// after a compile error the old one is.
/// </summary>
internal sealed class ScriptSession
{
    // The kernel decides "does this cell have a value to show" with Roslyn's internal
    // Script.HasReturnValue(), through reflection; so do we, to agree with it exactly.
    private static readonly MethodInfo HasReturnValue =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new MissingMethodException("Roslyn's Script.HasReturnValue() is gone; the runner cannot tell when a cell shows a value.");

    private readonly ScriptOptions _options;
    private ScriptState<object> _state;

    private ScriptSession(ScriptOptions options, ScriptState<object> state) => (_options, _state) = (options, state);

    public static async Task<ScriptSession> StartAsync(string notebookDirectory)
    {
        var options = KernelScriptOptions.Create(notebookDirectory);
        return new ScriptSession(options, await CSharpScript.RunAsync(KernelScriptOptions.Preamble, options));
    }

    public async Task<SubmissionOutcome> SubmitAsync(string code)
    {
        Exception? thrown = null;
        try
        {
            var next = await _state.ContinueWithAsync(code, _options, catchException: e => { thrown = e; return true; });
            _state = next;
            if ((thrown ?? next.Exception) is { } exception)
                return new(null, exception, false, null);
            return new(null, null, (bool)HasReturnValue.Invoke(next.Script, null)!, next.ReturnValue);
        }
        catch (CompilationErrorException e)
        {
            // The kernel's message: every diagnostic Roslyn put in the exception (the errors), one a line.
            return new(string.Join(Environment.NewLine, e.Diagnostics.Select(d => d.ToString())), null, false, null);
        }
        catch (Exception e)
        {
            return new(null, e, false, null);
        }
    }
}

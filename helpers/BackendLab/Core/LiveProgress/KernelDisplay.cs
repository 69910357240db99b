using System.Reflection;

namespace BackendLab;

/// <summary>
/// The .NET Interactive kernel's own <c>display(…)</c> and <c>DisplayedValue.Update(…)</c>, reached at run time through
/// reflection, only when BackendLab runs inside that kernel (its assembly is loaded and a cell is running). BackendLab has
/// no reference to any kernel package: outside a kernel <see cref="TryShow"/> returns null and nothing is shown.
/// </summary>
internal sealed class KernelDisplay
{
    readonly object _displayed;
    readonly MethodInfo _update;

    KernelDisplay(object displayed, MethodInfo update) => (_displayed, _update) = (displayed, update);

    /// <summary>The kernel's static <c>Microsoft.DotNet.Interactive.Kernel</c> class, or null outside a kernel.</summary>
    static Type? KernelType() => Find("Microsoft.DotNet.Interactive.Kernel");

    /// <summary>True when a kernel is loaded in this process and a cell (a kernel command) is running on this flow.</summary>
    public static bool InKernel()
    {
        try
        {
            if (KernelType() is null) return false;
            var context = Find("Microsoft.DotNet.Interactive.KernelInvocationContext")?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static);
            return context?.GetValue(null) is not null;
        }
        catch (Exception) { return false; }
    }

    /// <summary>Shows <paramref name="html"/> (an IHtmlContent) as <c>text/html</c> in the running cell; null outside a kernel or on any failure.</summary>
    public static KernelDisplay? TryShow(object html)
    {
        try
        {
            if (!InKernel()) return null;
            var display = KernelType()!.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == "display" && m.GetParameters() is [{ ParameterType: var v }, { ParameterType: var t }] && v == typeof(object) && t == typeof(string[]));
            var displayed = display?.Invoke(null, [html, new[] { "text/html" }]);
            var update = displayed?.GetType().GetMethod("Update", [typeof(object)]);
            return displayed is null || update is null ? null : new KernelDisplay(displayed, update);
        }
        catch (Exception) { return null; }
    }

    /// <summary>Replaces the shown value (the kernel emits <c>DisplayedValueUpdated</c>); false if the kernel refused.</summary>
    public bool Update(object html)
    {
        try { _update.Invoke(_displayed, [html]); return true; }
        catch (Exception) { return false; }
    }

    static Type? Find(string name)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.GetName().Name!.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal)) continue;
            if (assembly.GetType(name) is { } type) return type;
        }
        return null;
    }
}

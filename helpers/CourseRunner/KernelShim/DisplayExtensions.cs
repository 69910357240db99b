using Microsoft.DotNet.Interactive;

namespace System;

/// <summary>The kernel's <c>.Display()</c> extension: <c>x.Display()</c> is <c>display(x)</c>.</summary>
public static class DisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> below the running cell, like <c>display(value)</c>.</summary>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) =>
        Kernel.display(value, mimeTypes);
}

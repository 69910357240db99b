using System.Net;

namespace BackendLab;

/// <summary>
/// The course's safety rule: every request BackendLab sends goes to this machine (127.0.0.0/8 or ::1).
/// Anything else is refused before a single byte is sent. Compiled into BackendLab and the lab server alike
/// (helpers/LabServer/Contract), so the lab server's load generator holds to the same rule.
/// </summary>
public static class Loopback
{
    /// <summary>True when <paramref name="address"/> names this machine: <c>localhost</c>, 127.x.x.x or ::1.</summary>
    public static bool IsLoopback(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri) return false;
        if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(address.IdnHost, out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>Returns <paramref name="address"/> if it is a loopback address; otherwise throws with a clear message.</summary>
    /// <exception cref="ArgumentException">The address is not on this machine.</exception>
    public static Uri Require(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!IsLoopback(address))
            throw new ArgumentException(
                $"BackendLab only sends requests to this machine (127.0.0.1, localhost or [::1]); '{address}' is not one of them. " +
                "Start a server in the notebook and use its address.", nameof(address));
        return address;
    }

    /// <inheritdoc cref="Require(Uri)"/>
    public static Uri Require(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
            ? Require(uri)
            : throw new ArgumentException($"'{address}' is not an absolute URL such as http://127.0.0.1:5000/.", nameof(address));
}

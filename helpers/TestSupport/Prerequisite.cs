using System.Net.Sockets;

namespace BackendFundamentals.TestSupport;

/// <summary>
/// Something outside .NET that some tests need: a browser, a Redis server, Python with FastAPI.
/// On a learner's or maintainer's machine a missing prerequisite turns those tests into SKIPPED, with
/// the command that installs it; in CI (<c>CI=true</c>, where <c>.ci/run</c> installs everything) it
/// never skips, so the test runs and fails with the same message.
/// </summary>
/// <remarks>This file is compiled into every test project (one copy, linked from <c>helpers/TestSupport</c>).</remarks>
public sealed class Prerequisite
{
    private readonly Lazy<string?> location;

    private Prerequisite(string name, Func<string?> locate, string install)
    {
        Name = name;
        Install = install;
        location = new Lazy<string?>(locate);
    }

    /// <summary>What is needed, in words ("Chromium").</summary>
    public string Name { get; }

    /// <summary>How to get it, as a command a person can paste.</summary>
    public string Install { get; }

    /// <summary>Where it was found (a path or an address), or null when it is missing.</summary>
    public string? Location => location.Value;

    /// <summary>True when this run is CI's: missing prerequisites fail there instead of skipping.</summary>
    public static bool InCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>The reason to skip a test that needs this, or null when the test must run
    /// (the prerequisite is there, or this is CI).</summary>
    public string? SkipReason => Location is null && !InCi ? Missing : null;

    /// <summary>The one-line message for a missing prerequisite.</summary>
    public string Missing => $"{Name} not found; install it with: {Install}";

    /// <summary>Returns <see cref="Location"/>, or throws with <see cref="Missing"/> when it is absent
    /// (in CI, where such tests are not skipped).</summary>
    public string Require() => Location ?? throw new InvalidOperationException(Missing);

    /// <summary>
    /// Chromium, found the one way the course finds it, <see cref="BackendLab.HeadlessChromium.Find"/>:
    /// <c>CHROMIUM_PATH</c> (when set, the only place looked at, so pointing it nowhere hides the browser), Debian's
    /// <c>/usr/bin/chromium</c>, then a Chromium Playwright's installer put under <c>~/.cache/ms-playwright</c>.
    /// </summary>
    public static Prerequisite Chromium { get; } = new("Chromium", BackendLab.HeadlessChromium.Find, BackendLab.HeadlessChromium.InstallHint);

    /// <summary>A Redis server answering on 127.0.0.1:6379.</summary>
    public static Prerequisite Redis { get; } = new("A Redis server on 127.0.0.1:6379", LocateRedis,
        "sudo apt-get install redis-server && redis-server --bind 127.0.0.1 --port 6379 --save '' --daemonize yes");

    private static string? LocateRedis()
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync("127.0.0.1", 6379).Wait(TimeSpan.FromSeconds(1)) && client.Connected ? "127.0.0.1:6379" : null;
        }
        catch (AggregateException) { return null; }
        catch (SocketException) { return null; }
    }
}

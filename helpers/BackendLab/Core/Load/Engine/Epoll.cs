using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace BackendLab.LoadEngine;

/// <summary>Linux's epoll, the readiness API wrk is built on: a thin, allocation-free wrapper.</summary>
internal sealed class Epoll : IDisposable
{
    public const uint In = 0x1, Out = 0x4, Error = 0x8, HangUp = 0x10;
    const int Add = 1, Modify = 3, CloseOnExec = 0x80000, Interrupted = 4;

    /// <summary>Linux on x64 (12-byte packed events) or arm64 (16-byte events).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;
    static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    static readonly int DataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    readonly int _fd;
    readonly byte[] _events;
    readonly byte[] _one = new byte[16];

    public Epoll(int capacity)
    {
        _fd = epoll_create1(CloseOnExec);
        if (_fd < 0) throw new InvalidOperationException($"epoll_create1 failed (errno {Marshal.GetLastPInvokeError()}).");
        _events = new byte[capacity * EventSize];
    }

    public void Register(int fd, uint events, int id) => Control(Add, fd, events, id);
    public void Change(int fd, uint events, int id) => Control(Modify, fd, events, id);

    void Control(int op, int fd, uint events, int id)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_one, events);
        BinaryPrimitives.WriteUInt64LittleEndian(_one.AsSpan(DataOffset), (ulong)id);
        if (epoll_ctl(_fd, op, fd, ref _one[0]) != 0)
            throw new InvalidOperationException($"epoll_ctl failed (errno {Marshal.GetLastPInvokeError()}).");
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for ready sockets; returns how many events <see cref="Event"/> can read.</summary>
    public int Wait(int timeoutMs)
    {
        var n = epoll_wait(_fd, ref _events[0], _events.Length / EventSize, timeoutMs);
        if (n >= 0) return n;
        var errno = Marshal.GetLastPInvokeError();
        return errno == Interrupted ? 0 : throw new InvalidOperationException($"epoll_wait failed (errno {errno}).");
    }

    /// <summary>The <paramref name="index"/>-th ready event: which id, and what is ready.</summary>
    public (int Id, uint Events) Event(int index)
    {
        var e = _events.AsSpan(index * EventSize, EventSize);
        return ((int)BinaryPrimitives.ReadUInt64LittleEndian(e[DataOffset..]), BinaryPrimitives.ReadUInt32LittleEndian(e));
    }

    public void Dispose() => close(_fd);

    [DllImport("libc", SetLastError = true)] static extern int epoll_create1(int flags);
    [DllImport("libc", SetLastError = true)] static extern int epoll_ctl(int epfd, int op, int fd, ref byte ev);
    [DllImport("libc", SetLastError = true)] static extern int epoll_wait(int epfd, ref byte events, int maxEvents, int timeoutMs);
    [DllImport("libc")] static extern int close(int fd);
}

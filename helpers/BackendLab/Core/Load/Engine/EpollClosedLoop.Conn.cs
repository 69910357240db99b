using System.Net.Sockets;

namespace BackendLab.LoadEngine;

/// <summary>One connection of an <see cref="EpollClosedLoop"/> and the state it is in.</summary>
internal sealed partial class EpollClosedLoop
{
    enum State { Idle, Backoff, Connecting, Sending, Receiving, Done }

    sealed class Conn(int id, RequestBytes request)
    {
        public readonly int Id = id;
        public readonly ResponseReader Reader = new() { HeadRequest = request.IsHead };
        public Socket? Socket;
        public State State;
        public long Started, RetryAt;
        public int Written;
        public bool Measured, Reused, Retried, WantsOut;
    }

    void Finish(Conn c, Outcome outcome)
    {
        c.State = State.Idle;
        run.Record(outcome, c.Started, c.Started); // the run decides whether it counts (see LoadRun.Record)
    }

    static void CloseSocket(Conn c)
    {
        c.Socket?.Dispose();
        c.Socket = null;
    }
}

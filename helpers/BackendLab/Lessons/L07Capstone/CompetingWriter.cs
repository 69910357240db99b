using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// Another writer on the same database file, as a second service (or an admin script) would be: its own thread, its own
/// connection (no pool shared with the service), none of the service's locks. It books one seat at a time with a
/// conditional UPDATE, every <see cref="Every"/>, until it has <see cref="Max"/> or the event is sold out or it is stopped.
/// A lock inside the service cannot stop it, exactly as it cannot stop a writer in another process.
/// </summary>
internal sealed class CompetingWriter
{
    readonly Thread _thread;
    readonly string _connectionString;
    readonly long _eventId;
    volatile bool _stop;
    int _booked;

    CompetingWriter(TicketDb db, long eventId)
    {
        _connectionString = new SqliteConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ToString();
        _eventId = eventId;
        _thread = new Thread(Run) { IsBackground = true, Name = "competing writer" };
    }

    public int Max { get; init; } = 20;

    public TimeSpan Every { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>How many seats it booked.</summary>
    public int Booked => Volatile.Read(ref _booked);

    public static CompetingWriter Start(TicketDb db, long eventId, int max)
    {
        var writer = new CompetingWriter(db, eventId) { Max = max };
        writer._thread.Start();
        return writer;
    }

    /// <summary>Stops it and waits for its last statement.</summary>
    public int Stop()
    {
        _stop = true;
        _thread.Join(TimeSpan.FromSeconds(10));
        return Booked;
    }

    void Run()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE events SET booked = booked + 1 WHERE id = $id AND booked + 1 <= seats";
        command.Parameters.AddWithValue("$id", _eventId);
        var next = Stopwatch.GetTimestamp();
        while (!_stop && _booked < Max)
        {
            if (command.ExecuteNonQuery() == 1) Interlocked.Increment(ref _booked);
            next += (long)(Every.TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero) Thread.Sleep(wait);
        }
    }
}

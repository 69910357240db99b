using System.Diagnostics;
using System.Globalization;
using BackendLab;
using Microsoft.Data.Sqlite;

namespace LabServer;

/// <summary>
/// Lesson 7, step 3: another writer on the capstone's SQLite file, in THIS process, not the notebook's. No lock of the
/// notebook's process can reach it, exactly as it cannot reach a second service or an admin script in production.
/// <c>POST /tickets/compete?db=PATH&amp;eventId=ID&amp;max=20&amp;everyMs=2&amp;forMs=10000</c> books its first seat, streams <c>ready</c>,
/// then books one seat every <c>everyMs</c> with a conditional UPDATE until it has <c>max</c>, the
/// event is sold out, <c>forMs</c> passed or the client went away, and ends with <c>booked N</c>.
/// </summary>
public static class CompetingWriter
{
    /// <summary>Maps <see cref="LabServerProtocol.CompetingWriterPath"/>.</summary>
    public static IEndpointRouteBuilder MapCompetingWriter(this IEndpointRouteBuilder app)
    {
        app.MapPost(LabServerProtocol.CompetingWriterPath, RunAsync);
        return app;
    }

    static async Task RunAsync(HttpContext context, string db, long eventId, int? max, int? everyMs, int? forMs)
    {
        if (!File.Exists(db)) { context.Response.StatusCode = 404; await context.Response.WriteAsync($"no database file at {db}\n"); return; }
        context.Response.ContentType = "text/plain";
        var connectionString = new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 5 }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000";   // SQLite waits for the other writers itself, in short steps
        await command.ExecuteNonQueryAsync();
        command.CommandText = "UPDATE events SET booked = booked + 1 WHERE id = $id AND booked + 1 <= seats";
        command.Parameters.AddWithValue("$id", eventId);
        // Its first seat before it says "ready": whatever the notebook then does, this process has written to the file.
        var first = max is not 0 && await command.ExecuteNonQueryAsync() == 1 ? 1 : 0;
        await context.Response.WriteAsync(LabServerProtocol.CompetingWriterReady + "\n");
        await context.Response.Body.FlushAsync();

        var aborted = context.RequestAborted;
        var booked = first == 0 ? 0 : first + await Task.Run(() => Book(command, (max ?? 20) - 1, TimeSpan.FromMilliseconds(everyMs ?? 2), TimeSpan.FromMilliseconds(forMs ?? 10_000), aborted));
        await context.Response.WriteAsync(LabServerProtocol.CompetingWriterBooked + booked.ToString(CultureInfo.InvariantCulture) + "\n");
    }

    // One seat per statement, on a fixed schedule; a statement that changes no row means the event is sold out.
    static int Book(SqliteCommand command, int max, TimeSpan every, TimeSpan limit, CancellationToken aborted)
    {
        var start = Stopwatch.GetTimestamp();
        var next = start;
        var booked = 0;
        while (booked < max && !aborted.IsCancellationRequested && Stopwatch.GetElapsedTime(start) < limit)
        {
            if (command.ExecuteNonQuery() != 1) break;
            booked++;
            next += (long)(every.TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero) Thread.Sleep(wait);
        }
        return booked;
    }
}

using System.Reflection;
using Microsoft.Data.Sqlite;

namespace BackendLab.Lessons.L07Capstone;

/// <summary>
/// The capstone's database: one SQLite file with two tables, made for you (lesson 7).
/// <c>events (id INTEGER PRIMARY KEY, name TEXT, seats INTEGER, booked INTEGER DEFAULT 0)</c> and
/// <c>bookings (key TEXT PRIMARY KEY, event_id INTEGER, seats INTEGER, ok INTEGER)</c>.
/// Every call opens a pooled connection, runs one statement and closes it, so many instances, threads and processes can
/// share the file (WAL mode; a writer waits up to 5 s for another). Parameters come from an object's properties:
/// <c>await db.ExecuteAsync("UPDATE events SET booked = booked + $seats WHERE id = $id", new { id, seats })</c>.
/// </summary>
public sealed class TicketDb : ISql
{
    const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, name TEXT NOT NULL, seats INTEGER NOT NULL, booked INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS bookings (key TEXT PRIMARY KEY, event_id INTEGER NOT NULL, seats INTEGER NOT NULL, ok INTEGER NOT NULL);
        """;

    TicketDb(string path) => (Path, ConnectionString) = (path,
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 5 }.ToString());

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    internal string ConnectionString { get; }

    /// <summary>The folder where <see cref="CreateAsync"/> puts its files: the system's temp folder, <c>backendlab-capstone</c>.</summary>
    public static string DefaultFolder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "backendlab-capstone");

    /// <summary>Opens (and creates, if missing) the database at <paramref name="path"/>; what it holds is kept.</summary>
    public static async Task<TicketDb> OpenAsync(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var db = new TicketDb(full);
        await db.ExecuteAsync(Schema);
        return db;
    }

    /// <summary>A new, empty database named <paramref name="name"/> in <see cref="DefaultFolder"/> (an old one of that name is emptied).</summary>
    public static async Task<TicketDb> CreateAsync(string name)
    {
        var db = await OpenAsync(System.IO.Path.Combine(DefaultFolder, name + ".db"));
        await db.ExecuteAsync("DELETE FROM events; DELETE FROM bookings;");
        return db;
    }

    /// <summary>
    /// A new, empty database for one of step 1–6's checks, private to this process (<c>name-PID.db</c> in
    /// <see cref="DefaultFolder"/>): a check in another notebook or a test run at the same moment never empties or books
    /// into it. The file is deleted when this process exits, or, if it was killed, by the next check that finds it.
    /// </summary>
    internal static async Task<TicketDb> CreateForCheckAsync(string name)
    {
        var db = await CreateAsync($"{name}-{Environment.ProcessId}");
        if (CheckFiles.IsEmpty) DeleteChecksOfEndedProcesses();
        if (CheckFiles.TryAdd(db.Path, 0) && CheckFiles.Count == 1)
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in CheckFiles.Keys)
                    foreach (var part in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
                        try { File.Delete(part); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            };
        return db;
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> CheckFiles = new();

    // A kernel that was stopped, not exited, leaves its check files behind: name-PID.db* of a process no longer running.
    static void DeleteChecksOfEndedProcesses()
    {
        foreach (var file in Directory.EnumerateFiles(DefaultFolder, "check-*-*.db*"))
            if (System.Text.RegularExpressions.Regex.Match(System.IO.Path.GetFileName(file), @"-(\d+)\.db") is { Success: true } m
                && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var pid && pid != Environment.ProcessId && !IsRunning(pid))
                try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    static bool IsRunning(int pid)
    {
        try { using var process = System.Diagnostics.Process.GetProcessById(pid); return !process.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>Runs one statement (or several separated by <c>;</c>) and returns how many rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, object? args = null) => WithConnection(c => Sql.ExecuteAsync(c, null, sql, args));

    /// <summary>Runs a query and returns the first column of its first row (null when there is no row).</summary>
    public Task<T?> ScalarAsync<T>(string sql, object? args = null) => WithConnection(c => Sql.ScalarAsync<T>(c, null, sql, args));

    /// <summary>Runs a query and builds one <typeparamref name="T"/> per row, matching columns to constructor parameters by name (<c>booked</c> → <c>Booked</c>).</summary>
    public Task<List<T>> QueryAsync<T>(string sql, object? args = null) => WithConnection(c => Sql.QueryAsync<T>(c, null, sql, args));

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction (<c>BEGIN IMMEDIATE</c>: it holds the write lock from the start, so no
    /// other writer, in any process, can come between its statements). It commits when <paramref name="work"/> returns
    /// and rolls back when it throws.
    /// </summary>
    public async Task<T> TransactionAsync<T>(Func<ISql, Task<T>> work)
    {
        await using var connection = await OpenConnectionAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var result = await work(new Sql(connection, transaction));
        await transaction.CommitAsync();
        return result;
    }

    async Task<T> WithConnection<T>(Func<SqliteConnection, Task<T>> work)
    {
        await using var connection = await OpenConnectionAsync();
        return await work(connection);
    }

    // SQLite's own busy handler waits for another writer in short, growing steps (1, 2, 5, 10… ms); without it the driver
    // retries a busy statement only every 150 ms, holding its thread. WAL with synchronous=NORMAL: a commit survives the
    // process ending (only a power cut may lose the last ones) and costs no disk flush.
    async Task<SqliteConnection> OpenConnectionAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
        await pragmas.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>The file's path.</summary>
    public override string ToString() => $"TicketDb {Path}";

    /// <summary>The statements of one connection (and transaction).</summary>
    sealed class Sql(SqliteConnection connection, SqliteTransaction transaction) : ISql
    {
        public Task<int> ExecuteAsync(string sql, object? args = null) => ExecuteAsync(connection, transaction, sql, args);
        public Task<T?> ScalarAsync<T>(string sql, object? args = null) => ScalarAsync<T>(connection, transaction, sql, args);
        public Task<List<T>> QueryAsync<T>(string sql, object? args = null) => QueryAsync<T>(connection, transaction, sql, args);

        public static async Task<int> ExecuteAsync(SqliteConnection c, SqliteTransaction? t, string sql, object? args)
        {
            await using var command = Command(c, t, sql, args);
            return await command.ExecuteNonQueryAsync();
        }

        public static async Task<T?> ScalarAsync<T>(SqliteConnection c, SqliteTransaction? t, string sql, object? args)
        {
            await using var command = Command(c, t, sql, args);
            var value = await command.ExecuteScalarAsync();
            return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
        }

        public static async Task<List<T>> QueryAsync<T>(SqliteConnection c, SqliteTransaction? t, string sql, object? args)
        {
            await using var command = Command(c, t, sql, args);
            await using var reader = await command.ExecuteReaderAsync();
            var constructor = typeof(T).GetConstructors().OrderByDescending(k => k.GetParameters().Length).First();
            var parameters = constructor.GetParameters();
            var rows = new List<T>();
            while (await reader.ReadAsync())
            {
                var values = parameters.Select(p =>
                {
                    var column = reader.GetOrdinal(p.Name!);
                    var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                    return reader.IsDBNull(column) ? null : Convert.ChangeType(reader.GetValue(column), type);
                }).ToArray();
                rows.Add((T)constructor.Invoke(values));
            }
            return rows;
        }

        static SqliteCommand Command(SqliteConnection c, SqliteTransaction? t, string sql, object? args)
        {
            var command = c.CreateCommand();
            command.CommandText = sql;
            command.Transaction = t;
            foreach (var property in args?.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [])
                command.Parameters.AddWithValue("$" + property.Name, property.GetValue(args) switch { null => DBNull.Value, bool b => b ? 1 : 0, var v => v });
            return command;
        }
    }
}

/// <summary>SQL statements on the capstone's database (<see cref="TicketDb"/>, or one transaction of it).</summary>
public interface ISql
{
    /// <summary>Runs a statement; returns how many rows it changed.</summary>
    Task<int> ExecuteAsync(string sql, object? args = null);

    /// <summary>Runs a query; returns the first column of its first row, or null.</summary>
    Task<T?> ScalarAsync<T>(string sql, object? args = null);

    /// <summary>Runs a query; one <typeparamref name="T"/> per row, columns matched to constructor parameters by name.</summary>
    Task<List<T>> QueryAsync<T>(string sql, object? args = null);
}

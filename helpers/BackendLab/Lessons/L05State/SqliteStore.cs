using Microsoft.Data.Sqlite;

namespace BackendLab.Lessons.L05State;

/// <summary>
/// <see cref="ISharedStore"/> in a SQLite database file. Each call opens a pooled connection, runs one statement and
/// closes it, so any number of instances (and threads) can share the file. WAL mode lets readers work while one
/// writer writes; a 5 s busy timeout makes writers queue instead of failing.
/// </summary>
internal sealed class SqliteStore : ISharedStore
{
    // SQLite lets one writer at a time into a file; the others sleep in its busy handler (1, 2, 5 … 100 ms) and retry.
    // Queueing this process's writers on an async lock per file instead keeps them from sleeping needlessly.
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> WriteLocks = new();
    readonly SemaphoreSlim _writeLock;
    readonly string _connectionString;

    SqliteStore(string path)
    {
        Path = path;
        _writeLock = WriteLocks.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 5 }.ToString();
    }

    public string Path { get; }

    public string Description => $"SQLite {Path}";

    public static async Task<ISharedStore> OpenAsync(string path, bool fresh)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var store = new SqliteStore(System.IO.Path.GetFullPath(path));
        await store.ExecuteAsync("""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, version INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS list (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, item TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS list_key ON list (key, id);
            """);
        if (fresh) await store.ClearAsync();
        return store;
    }

    async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await _writeLock.WaitAsync();
        try
        {
            await using var connection = await OpenAsync();
            await using var command = Command(connection, sql, parameters);
            return await command.ExecuteNonQueryAsync();
        }
        finally { _writeLock.Release(); }
    }

    async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    public async Task<string?> GetAsync(string key) =>
        (string?)await ScalarAsync("SELECT value FROM kv WHERE key = $key", ("$key", key));

    public Task SetAsync(string key, string value) => ExecuteAsync("""
        INSERT INTO kv (key, value, version) VALUES ($key, $value, 1)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = version + 1
        """, ("$key", key), ("$value", value));

    // One statement: SQLite runs it as a single atomic write, so no other write can come between the read and the add.
    public async Task<long> IncrementAsync(string key, long by = 1)
    {
        await _writeLock.WaitAsync();
        try { return await IncrementLockedAsync(key, by); }
        finally { _writeLock.Release(); }
    }

    async Task<long> IncrementLockedAsync(string key, long by) => Convert.ToInt64(await ScalarAsync("""
        INSERT INTO kv (key, value, version) VALUES ($key, $by, 1)
        ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + $by, version = version + 1
        RETURNING CAST(value AS INTEGER)
        """, ("$key", key), ("$by", by)));

    public async Task<Versioned?> GetVersionedAsync(string key)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, "SELECT value, version FROM kv WHERE key = $key", [("$key", key)]);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new Versioned(reader.GetString(0), reader.GetInt64(1)) : null;
    }

    public async Task<bool> TrySetAsync(string key, string value, long expectedVersion) =>
        expectedVersion == 0
            ? await ExecuteAsync("INSERT INTO kv (key, value, version) VALUES ($key, $value, 1) ON CONFLICT (key) DO NOTHING", ("$key", key), ("$value", value)) == 1
            : await ExecuteAsync("UPDATE kv SET value = $value, version = version + 1 WHERE key = $key AND version = $expected",
                ("$key", key), ("$value", value), ("$expected", expectedVersion)) == 1;

    public Task AppendAsync(string key, string item) =>
        ExecuteAsync("INSERT INTO list (key, item) VALUES ($key, $item)", ("$key", key), ("$item", item));

    public async Task<IReadOnlyList<string>> ListAsync(string key)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, "SELECT item FROM list WHERE key = $key ORDER BY id", [("$key", key)]);
        await using var reader = await command.ExecuteReaderAsync();
        var items = new List<string>();
        while (await reader.ReadAsync()) items.Add(reader.GetString(0));
        return items;
    }

    public Task ClearAsync() => ExecuteAsync("DELETE FROM kv; DELETE FROM list;");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public override string ToString() => Description;
}

namespace BackendLab.Tests.Lessons.L07Capstone;

/// <summary>Capstone step 2: the reference passes, the starter is not attempted, memory in disguise is named.</summary>
[Collection("servers")]
public class PersistenceExerciseTests
{
    [Fact]
    public async Task TheReferenceIsCorrect()
    {
        var result = await Lesson07.Q2.Check(db => new ReferenceTickets.SqlTickets(db));
        Assert.True(result.IsCorrect, result.ToString());
    }

    [Fact]
    public async Task TheStarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson07.Q2.Check(_ => throw new NotImplementedException())).Outcome);

    /// <summary>Events in a list shared by this whole process: it even survives the in-process restart, but not a real one.</summary>
    sealed class ListTickets(List<Event> events) : ITickets
    {
        public Task<Event> CreateEventAsync(string name, int seats)
        {
            lock (events) { var e = new Event(events.Count + 1, name, seats, 0); events.Add(e); return Task.FromResult(e); }
        }
        public Task<List<Event>> ListEventsAsync() { lock (events) return Task.FromResult(events.ToList()); }
        public Task<Event?> FindEventAsync(long id) { lock (events) return Task.FromResult(events.FirstOrDefault(e => e.Id == id)); }
        public Task<bool> BookAsync(long eventId, int seats, string? key)
        {
            lock (events)
            {
                var i = events.FindIndex(e => e.Id == eventId);
                if (events[i].Booked + seats > events[i].Seats) return Task.FromResult(false);
                events[i] = events[i] with { Booked = events[i].Booked + seats };
                return Task.FromResult(true);
            }
        }
    }

    [Fact]
    public async Task EventsInMemoryAreNamed()
    {
        var shared = new List<Event>();
        var result = await Lesson07.Q2.Check(_ => new ListTickets(shared));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("the database file holds no events", result.Message);
    }

    /// <summary>Events in the file, but the booked counts in a dictionary.</summary>
    sealed class BookingsInMemory(TicketDb db) : ITickets
    {
        static readonly Dictionary<long, int> Booked = [];
        readonly ReferenceTickets.SqlTickets _events = new(db);
        public Task<Event> CreateEventAsync(string name, int seats) => _events.CreateEventAsync(name, seats);
        public async Task<List<Event>> ListEventsAsync() => [.. (await _events.ListEventsAsync()).Select(e => e with { Booked = Booked.GetValueOrDefault(e.Id) })];
        public async Task<Event?> FindEventAsync(long id) => (await _events.FindEventAsync(id)) is { } e ? e with { Booked = Booked.GetValueOrDefault(id) } : null;
        public async Task<bool> BookAsync(long eventId, int seats, string? key)
        {
            var e = await FindEventAsync(eventId);
            if (e!.Booked + seats > e.Seats) return false;
            Booked[eventId] = e.Booked + seats;
            return true;
        }
    }

    [Fact]
    public async Task BookingsInMemoryAreNamed()
    {
        var result = await Lesson07.Q2.Check(db => new BookingsInMemory(db));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("never reached the database", result.Message);
    }
}

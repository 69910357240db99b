async Task<string> FetchWithDeadline(HttpClient client, string url)
{
    using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
    {
        try { return await client.GetStringAsync(url, deadline.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"{url} did not answer within 1 s."); }
    }
}

await Lesson03.Q2.Check(FetchWithDeadline)

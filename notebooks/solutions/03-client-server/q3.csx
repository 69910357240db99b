async Task ServePong(NetworkStream connection, CancellationToken ct)
{
    await RawHttp.ReadRequestHeadAsync(connection, ct);
    var response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\nConnection: close\r\n\r\npong";
    await connection.WriteAsync(Encoding.ASCII.GetBytes(response), ct);
}

await Lesson03.Q3.Check(ServePong)

// The tag is computed from the content, so it changes exactly when the content does.
IResult Catalog(HttpRequest request, HttpResponse response, string body)
{
    var etag = ETags.For(body);
    response.Headers.ETag = etag;
    if (ETags.IfNoneMatch(request, etag)) return Results.StatusCode(304);
    return Results.Text(body, "application/json");
}

await Lesson04.Q2.Check(Catalog)

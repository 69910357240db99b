IResult SignUp(SignUpForm form)
{
    if (string.IsNullOrWhiteSpace(form.Name)) return Results.BadRequest("A name is required.");
    if (form.Age is < 13 or > 130) return Results.BadRequest("Members are 13 to 130 years old.");
    // The server decides the role: whatever form.Role says, a new member is a "member".
    return Results.Created($"/members/{Uri.EscapeDataString(form.Name)}", new { name = form.Name, role = "member" });
}

await q1.Check(app => app.MapPost("/signup", SignUp))

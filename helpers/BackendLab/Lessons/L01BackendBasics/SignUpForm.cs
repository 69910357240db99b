namespace BackendLab.Lessons.L01BackendBasics;

/// <summary>
/// What a client sends to sign up in lesson 1's exercise 1 (<c>POST /signup</c> with JSON such as
/// <c>{"name":"Ada","age":36}</c>). It is declared here, not in the notebook, so re-running the exercise cell
/// keeps one <c>SignUpForm</c> type and one <c>SignUp</c> handler.
/// </summary>
/// <param name="Name">The name the client chose; may be empty or blank.</param>
/// <param name="Age">The age the client says it has.</param>
/// <param name="Role">The role the client asks for (for example "admin"), or null. The server decides; it need not listen.</param>
public sealed record SignUpForm(string Name, int Age, string? Role = null);

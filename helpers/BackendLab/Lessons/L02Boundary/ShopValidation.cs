using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// Turns on ASP.NET Core's built-in minimal-API validation for the shop's records (<see cref="OrderForm"/>).
/// Defined in lesson 2.
/// </summary>
/// <remarks>
/// Why this lives in BackendLab and is not typed in a notebook cell: the validation code is written by a
/// source generator while a project compiles. It finds the records used by endpoints and intercepts the
/// <c>AddValidation()</c> call to register what it generated. Notebook cells are scripts, where no source
/// generator runs, so <c>AddValidation()</c> typed in a cell sees no record's rules and silently checks nothing.
/// Here, in a compiled library, it works; endpoints mapped in cells then get the checks for
/// <see cref="OrderForm"/> too.
/// </remarks>
public static class ShopValidation
{
    /// <summary>
    /// <c>services.AddValidation()</c>, compiled where the generator runs: a request whose <see cref="OrderForm"/>
    /// breaks a rule gets <c>400 Bad Request</c> with RFC 9457 problem details and an <c>errors</c> map,
    /// and the handler never runs.
    /// </summary>
    public static IServiceCollection AddShopValidation(this IServiceCollection services) => services.AddValidation();

    // Never called: this endpoint shows the generator that OrderForm is a request body, so it writes its checks.
    internal static void DeclareValidatedTypes(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/orders", (OrderForm form) => TypedResults.Ok(form));
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BackendLab.Lessons.L02Boundary;

/// <summary>
/// A stand-in for a payment company's API, run as a second loopback server. It charges only callers
/// that present its secret API key as <c>Authorization: Bearer &lt;key&gt;</c>. Defined in lesson 2.
/// </summary>
public static class PaymentProvider
{
    /// <summary>A new random API key, shaped like real ones (<c>sk_test_</c> and 24 hex digits).</summary>
    public static string NewApiKey() => "sk_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>
    /// Maps <c>POST /charges</c> (JSON body <c>{"amountCents": 1500}</c>): <c>201</c> with a charge id when the
    /// request carries <paramref name="apiKey"/>, <c>401</c> otherwise.
    /// </summary>
    public static IEndpointRouteBuilder MapPaymentProvider(this IEndpointRouteBuilder endpoints, string apiKey)
    {
        var charges = 0;
        endpoints.MapPost("/charges", (HttpRequest request, Charge charge) =>
        {
            if (request.Headers.Authorization.ToString() != "Bearer " + apiKey)
                return Results.Problem(title: "Invalid API key.", statusCode: StatusCodes.Status401Unauthorized);
            if (charge.AmountCents <= 0)
                return Results.Problem(title: "The amount must be positive.", statusCode: StatusCodes.Status400BadRequest);
            var id = $"ch_{Interlocked.Increment(ref charges)}";
            return Results.Created($"/charges/{id}", new { id, charge.AmountCents });
        });
        return endpoints;
    }

    /// <summary>The body of a charge request.</summary>
    /// <param name="AmountCents">How much to charge, in cents.</param>
    public record Charge(long AmountCents);
}

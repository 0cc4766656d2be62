using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Treaties.Decisions;

namespace TreatyTracker.Http;

/// <summary>The RFC 7807 problem documents the API answers with.</summary>
public static class Problems
{
    public static ProblemDetails Invalid(string title, IReadOnlyDictionary<string, string[]> errors) =>
        new ValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Detail = string.Join(" ", errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}")))
        };

    /// <summary>A decision's refusal, as a 400 problem naming each field at fault.</summary>
    public static ProblemDetails From(Refusal refusal) => Invalid(refusal.Title, refusal.Errors);

    /// <summary>A decision for an endpoint's <c>Validate</c> to hand on: the endpoint records it, unless it was refused.</summary>
    public static (Decision?, ProblemDetails) Checked(Decision decision) =>
        decision.Refusal is { } refusal ? (null, From(refusal)) : (decision, Wolverine.Http.WolverineContinue.NoProblems);

    public static ProblemDetails Invalid(string title, string field, string message) =>
        Invalid(title, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A JSON <c>null</c> body deserializes to no request at all.</summary>
    public static ProblemDetails NoBody(string title) => Invalid(title, "body", "must be a JSON object");

    public static ProblemDetails TreatyNotFound(string treatyId, string? detail = null) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Unknown treaty",
        Detail = detail ?? $"No treaty is registered under the id '{treatyId}'."
    };

    public static ProblemDetails StateNotFound(string name, DateTimeOffset? recordedAt) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Unknown state",
        Detail = recordedAt is { } instant
            ? $"No treaty recorded by {instant:O} names '{name}' as a signatory or party."
            : $"No treaty names '{name}' as a signatory or party."
    };

    public static ProblemDetails Conflict(string detail) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Concurrency conflict",
        Detail = detail
    };

    public static ProblemDetails DatabaseUnavailable(int retryAfterSeconds) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "Database unavailable",
        Detail = $"The database cannot be reached right now. Retry in {retryAfterSeconds} seconds."
    };

    public static IResult AsResult(this ProblemDetails problem) =>
        Results.Problem(problem);

    /// <summary>Answers with a problem document from outside an endpoint: middleware, authentication, exception handlers.</summary>
    public static async Task WriteProblemAsync(this HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}

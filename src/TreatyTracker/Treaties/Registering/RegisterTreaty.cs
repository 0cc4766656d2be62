using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Api;
using Wolverine.Http;
using Wolverine.Marten;

namespace TreatyTracker.Treaties.Registering;

public sealed record RegisterTreatyRequest(
    string? Id,
    string? Name,
    string? ShortName,
    TreatyKind? Kind,
    string? WithdrawalNoticePeriod,
    string? Term,
    CitationRequest? Source);

public sealed record TreatyRegisteredResponse(string Url, string Id) : CreationResponse(Url);

public static partial class RegisterTreaty
{
    private const string Refused = "The treaty cannot be registered";

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex TreatyIdPattern();

    public static (TreatyRegistered? Registered, ProblemDetails? Problem) Decide(RegisterTreatyRequest request)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Id)) errors.Add("id", "is required");
        else if (!TreatyIdPattern().IsMatch(request.Id))
            errors.Add("id", "must be 1-64 lower-case letters, digits and inner hyphens, such as 'new-start'");
        var name = errors.Text("name", request.Name, required: true, maxLength: 300);
        var shortName = errors.Text("shortName", request.ShortName, required: true, maxLength: 50);
        if (request.Kind is null) errors.Add("kind", "is required: bilateral or multilateral");
        var notice = Period("withdrawalNoticePeriod", request.WithdrawalNoticePeriod, required: true, errors);
        var term = Period("term", request.Term, required: false, errors);
        var source = CitationMapping.ToCitation(request.Source, errors);

        if (errors.Any) return (null, Problems.Invalid(Refused, errors.ToDictionary()));
        return (new TreatyRegistered(request.Id!, name!, shortName!, request.Kind!.Value, notice!, term, source), null);
    }

    private static IsoPeriod? Period(string field, string? text, bool required, FieldErrors errors)
    {
        if (text is null)
        {
            if (required) errors.Add(field, "is required, as an ISO-8601 period such as P6M");
            return null;
        }
        if (IsoPeriod.TryParse(text, out var period)) return period;
        errors.Add(field, $"'{text}' is not an ISO-8601 period such as P6M, P3M, P150D or P10Y");
        return null;
    }
}

public static class RegisterTreatyEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(RegisterTreatyRequest? request, IQuerySession session, CancellationToken cancellation)
    {
        if (request is null) return Problems.NoBody("The treaty cannot be registered");
        var (_, problem) = RegisterTreaty.Decide(request);
        if (problem is not null) return problem;

        var existing = await session.Events.FetchStreamStateAsync(request.Id!, cancellation);
        return existing is null
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"A treaty is already registered under the id '{request.Id}'.");
    }

    [WolverinePost("/api/treaties", Name = "RegisterTreaty")]
    public static (TreatyRegisteredResponse, IStartStream) Post(RegisterTreatyRequest request)
    {
        var registered = RegisterTreaty.Decide(request).Registered!;
        return (new TreatyRegisteredResponse($"/api/treaties/{registered.TreatyId}", registered.TreatyId),
            MartenOps.StartStream<Treaty>(registered.TreatyId, registered));
    }
}

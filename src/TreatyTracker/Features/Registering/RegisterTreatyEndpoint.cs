using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using TreatyTracker.Store;
using TreatyTracker.Treaties.Decisions;
using Wolverine.Http;

namespace TreatyTracker.Features.Registering;

public sealed record TreatyRegisteredResponse(string Url, string Id) : CreationResponse(Url);

/// <summary>POST /api/treaties: a new treaty's stream, opened by its registration.</summary>
public static class RegisterTreatyEndpoint
{
    public static async Task<(Decision?, ProblemDetails)> ValidateAsync(RegisterTreatyRequest? request, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation)
    {
        if (request is null) return (null, Problems.NoBody(RegisterTreaty.Refused));
        var decision = RegisterTreaty.Decide(request, clock.GetUtcNow());
        if (decision.Refusal is not null) return Problems.Checked(decision);
        return await session.Events.FetchStreamStateAsync(request.Id!, cancellation) is null
            ? Problems.Checked(decision)
            : (null, Problems.Conflict($"A treaty is already registered under the id '{request.Id}'."));
    }

    [WolverinePost("/api/treaties", Name = "RegisterTreaty")]
    [EndpointSummary("Register a treaty")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public static (TreatyRegisteredResponse, TreatyChange) Post(RegisterTreatyRequest request, Decision decision) =>
        (new TreatyRegisteredResponse($"/api/treaties/{decision.After!.Id}", decision.After.Id), new TreatyChange(decision));
}

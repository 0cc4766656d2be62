namespace TreatyTracker.Treaties.Decisions;

public sealed record CorrectionRequest(string? Reason, DateOnly? On, string? Summary, CitationRequest? Source, RecordEventRequest? Event, long? Version = null);

/// <summary>Retracts an event and records the corrected one in one atomic step: both, or neither.</summary>
public static class CorrectEvent
{
    public const string Refused = "The correction cannot be recorded";

    /// <summary>
    /// The retraction and the corrected event, checked against the rules together: a fact that later facts rest on (a
    /// signature, say) is corrected in one step, where retracting it alone would contradict them.
    /// </summary>
    public static Decision Decide(Treaty treaty, Guid eventId, CorrectionRequest request, DateTimeOffset now)
    {
        if (request.Event is null) return Decision.Refused(treaty, Refusal.Of(Refused, "event", "is required: the corrected event"));
        if (request.Event.Version is not null)
            return Decision.Refused(treaty, Refusal.Of(Refused, "event.version", "does not apply here: the correction's own version (or If-Match) is checked"));
        var retraction = new RetractionRequest(request.Reason, request.On, request.Summary, request.Source).AsEvent(eventId, now);
        return RecordEvent.Mapped(Decision.About(treaty), retraction, Guid.CreateVersion7(), now, Refused)
            .Then(retracted => AboutTheEvent(RecordEvent.Mapped(retracted, request.Event, Guid.CreateVersion7(), now, Refused)))
            .Then(both => RecordEvent.Fitting(treaty, both, Refused))
            .Then(corrected => DeadlineRules.FallingDue(corrected, now));
    }

    /// <summary>The corrected event's own field errors, named as the request nests them (<c>event.on</c>).</summary>
    private static Decision AboutTheEvent(Decision decision) => decision.Refusal is { } refusal
        ? decision.Refusing(refusal with { Errors = refusal.Errors.ToDictionary(e => $"event.{e.Key}", e => e.Value) })
        : decision;
}

namespace TreatyTracker.Treaties.Decisions;

public sealed record CorrectionRequest(string? Reason, DateOnly? On, string? Summary, CitationRequest? Source, RecordEventRequest? Event, long? Version = null);

/// <summary>Retracts an event and records the corrected one in one atomic step: both, or neither.</summary>
public static class CorrectEvent
{
    public const string Refused = "The correction cannot be recorded";

    public static Decision Decide(Treaty treaty, Guid eventId, CorrectionRequest request, DateTimeOffset now)
    {
        if (request.Event is null) return Decision.Refused(treaty, Refusal.Of(Refused, "event", "is required: the corrected event"));
        var retraction = new RetractionRequest(request.Reason, request.On, request.Summary, request.Source).AsEvent(eventId, now);
        return RecordEvent.Fact(Decision.About(treaty), retraction, Guid.CreateVersion7(), now)
            .Then(retracted => RecordEvent.Fact(retracted, request.Event, Guid.CreateVersion7(), now))
            .Then(corrected => DeadlineRules.FallingDue(corrected, now));
    }
}

namespace TreatyTracker.Treaties.Decisions;

/// <summary>Retracts a recorded event: history is not rewritten, the retraction is itself a dated, cited event.</summary>
public sealed record RetractionRequest(string? Reason, DateOnly? On, string? Summary, CitationRequest? Source, long? Version = null)
{
    /// <summary>The retraction as an event of the catalogue; <c>on</c> defaults to the day it is recorded.</summary>
    public RecordEventRequest AsEvent(Guid eventId, DateTimeOffset now) => new()
    {
        Type = "event-retracted", EventId = eventId, Reason = Reason, On = On ?? Today.Of(now), Summary = Summary, Source = Source
    };
}

public static class RetractEvent
{
    public static Decision Decide(Treaty treaty, Guid eventId, RetractionRequest request, DateTimeOffset now) =>
        RecordEvent.Decide(treaty, request.AsEvent(eventId, now), now);
}

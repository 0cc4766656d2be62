namespace TreatyTracker.Treaties.Decisions;

/// <summary>
/// What a command leads to, decided once: the events to record (the registration, if the command registers the treaty,
/// then the facts in order, with their ids and versions) and the treaty as they leave it, folded; or the refusal that
/// stops it, and then nothing is recorded. Pure: the store appends what was decided.
/// </summary>
public sealed record Decision
{
    /// <summary>The treaty as the command found it; null when the command registers it.</summary>
    public Treaty? Before { get; private init; }

    /// <summary>The treaty with everything decided recorded; null when refused.</summary>
    public Treaty? After { get; private init; }

    public TreatyRegistered? Registered { get; private init; }

    /// <summary>The facts to record, in order, as recorded (with their texts and sources).</summary>
    public IReadOnlyList<RecordedFact> Recorded { get; private init; } = [];

    public Refusal? Refusal { get; private init; }

    /// <summary>Whether anything is to be recorded.</summary>
    public bool Records => Refusal is null && (Registered is not null || Recorded.Count > 0);

    public static Decision Registering(TreatyRegistered registered, DateTimeOffset now) =>
        new() { After = Treaty.Register(registered, now), Registered = registered };

    /// <summary>Nothing recorded yet: the start of a decision about <paramref name="treaty"/>.</summary>
    public static Decision About(Treaty treaty) => new() { Before = treaty, After = treaty };

    public static Decision Refused(Treaty? before, Refusal refusal) => new() { Before = before, Refusal = refusal };

    /// <summary>The fact recorded after everything decided so far.</summary>
    public Decision Recording(TreatyEvent fact, Guid eventId, DateTimeOffset now)
    {
        var after = After!.Record(fact, eventId, now);
        return this with { After = after, Recorded = [.. Recorded, after.Facts[^1] with { Event = fact }] };
    }

    /// <summary>This decision refused for <paramref name="refusal"/>: whatever it had decided is dropped.</summary>
    public Decision Refusing(Refusal refusal) => Refused(Before, refusal);

    /// <summary>Carries on with <paramref name="next"/> unless refused.</summary>
    public Decision Then(Func<Decision, Decision> next) => Refusal is null ? next(this) : this;
}

namespace TreatyTracker.Treaties.Decisions;

/// <summary>
/// One domain event as the API and the seed files spell it: a <c>type</c> from the catalogue and that type's
/// fields. A field that does not belong to the type is refused rather than silently dropped.
/// </summary>
/// <remarks>A seed entry's id is derived from this record's JSON: new fields go last, so that entries without them keep theirs.</remarks>
public record RecordEventRequest
{
    public string? Type { get; init; }
    public DateOnly? On { get; init; }
    public string? Summary { get; init; }
    public CitationRequest? Source { get; init; }
    public IReadOnlyList<string>? Parties { get; init; }
    public string? Party { get; init; }
    public IReadOnlyList<string>? Toward { get; init; }
    public string? Accuser { get; init; }
    public string? Accused { get; init; }
    public DateOnly? EffectiveOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public string? By { get; init; }
    public Guid? EventId { get; init; }
    public string? Reason { get; init; }

    /// <summary>The version of the treaty's record the writer saw (optional): a stale one is refused with 409.</summary>
    public long? Version { get; init; }

    /// <summary>How sure <c>on</c> is: day (the default), month, year or unconfirmed.</summary>
    public string? Certainty { get; init; }
    public IReadOnlyList<CitationRequest?>? OtherSources { get; init; }
    public string? Successor { get; init; }
    public string? Predecessor { get; init; }
    /// <summary>Of a succession: continuation or succession.</summary>
    public string? Kind { get; init; }
    /// <summary>Of a consequence of a deadline (as an export carries it): the event it follows from.</summary>
    public Guid? FollowsFrom { get; init; }
    /// <summary>How the fact relates its treaty to others: {relation: answers|replaces|amends, treaty: id}.</summary>
    public IReadOnlyList<LinkRequest?>? Links { get; init; }
    /// <summary>Of a scope statement: the only states the record follows (left out: every state that acted on the treaty).</summary>
    public IReadOnlyList<string>? Follows { get; init; }
}

/// <summary>Turns a request into a domain event, naming every field that is missing, malformed or out of place.</summary>
public static class EventRequestMapping
{
    private sealed record Shape(string[] Fields, Func<RecordEventRequest, Treaty, FieldErrors, TreatyEvent?> Build);

    private static readonly Dictionary<string, Shape> Shapes = new()
    {
        ["signed"] = new(["parties"], (r, _, e) => new Signed(e.Names("parties", r.Parties))),
        ["provisionally-applied"] = new(["party"], (r, _, e) => new ProvisionallyApplied(r.Party is null ? null : e.Name("party", r.Party))),
        ["ratified"] = new(["party"], (r, _, e) => new Ratified(e.Name("party", r.Party))),
        ["entered-into-force"] = new(["party", "parties"], (r, _, e) => EntryIntoForce(r, e)),
        ["acceded"] = new(["party", "effectiveOn"], (r, _, e) =>
            new Acceded(e.Name("party", r.Party), r.EffectiveOn is null ? null : e.Date("effectiveOn", r.EffectiveOn))),
        ["succeeded"] = new(["successor", "predecessor", "kind"], (r, _, e) => Succession(r, e)),
        ["ratification-revoked"] = new(["party"], (r, _, e) => new RatificationRevoked(e.Name("party", r.Party))),
        ["signature-renounced"] = new(["party"], (r, _, e) => new SignatureRenounced(e.Name("party", r.Party))),
        ["term-extended"] = new(["expiresOn"], (r, _, e) => new TermExtended(e.Date("expiresOn", r.ExpiresOn))),
        ["violation-alleged"] = new(["accuser", "accused"], (r, _, e) => new ViolationAlleged(e.Name("accuser", r.Accuser), e.Name("accused", r.Accused))),
        ["objection"] = new(["party", "toward"], (r, _, e) => new Objection(e.Name("party", r.Party), e.Names("toward", r.Toward))),
        ["participation-suspended"] = new(["party", "toward"], (r, _, e) =>
            new ParticipationSuspended(e.Name("party", r.Party), r.Toward is null ? null : e.Names("toward", r.Toward))),
        ["participation-resumed"] = new(["party"], (r, _, e) => new ParticipationResumed(e.Name("party", r.Party))),
        ["withdrawal-announced"] = new(["party"], (r, _, e) => new WithdrawalAnnounced(e.Name("party", r.Party))),
        ["withdrawal-notice-given"] = new(["party", "effectiveOn"], (r, treaty, e) => new WithdrawalNoticeGiven(
            e.Name("party", r.Party),
            r.EffectiveOn is null ? NoticeRunsOut(treaty.Terms.WithdrawalNoticePeriod, r.On ?? default, e) : e.Date("effectiveOn", r.EffectiveOn))),
        ["withdrawal-took-effect"] = new(["party", "followsFrom"], (r, _, e) => new WithdrawalTookEffect(e.Name("party", r.Party)) { FollowsFrom = r.FollowsFrom }),
        ["terminated"] = new(["followsFrom"], (r, _, _) => new Terminated { FollowsFrom = r.FollowsFrom }),
        ["expired"] = new(["followsFrom"], (r, _, _) => new Expired { FollowsFrom = r.FollowsFrom }),
        ["abandoned"] = new([], (_, _, _) => new Abandoned()),
        ["superseded"] = new(["by"], (r, treaty, e) => new Superseded(SupersedingTreaty(r.By, treaty, e))),
        ["statement"] = new(["by"], (r, _, e) => new Statement(r.By is null ? null : e.Name("by", r.By))),
        ["scope-stated"] = new(["follows"], (r, _, e) => new ScopeStated(r.Follows is null ? null : e.Names("follows", r.Follows))),
        ["event-retracted"] = new(["eventId", "reason"], (r, _, e) =>
            new EventRetracted(e.Required("eventId", r.EventId), e.Text("reason", r.Reason, required: true)!)),
    };

    private static readonly Dictionary<string, DateCertainty> Certainties = Enum.GetValues<DateCertainty>()
        .ToDictionary(c => c.ToString().ToLowerInvariant());

    public static IReadOnlyCollection<string> Types => Shapes.Keys;

    public static (TreatyEvent? Event, IReadOnlyDictionary<string, string[]> Errors) ToEvent(RecordEventRequest request, Treaty treaty)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Type))
        {
            errors.Add("type", $"is required; one of: {string.Join(", ", Shapes.Keys)}");
            return (null, errors.ToDictionary());
        }
        if (!Shapes.TryGetValue(request.Type, out var shape))
        {
            errors.Add("type", $"'{request.Type}' is not an event type; one of: {string.Join(", ", Shapes.Keys)}");
            return (null, errors.ToDictionary());
        }

        foreach (var (field, present) in SpecificFields(request))
            if (present && !shape.Fields.Contains(field))
                errors.Add(field, $"does not apply to a '{request.Type}' event");

        var on = errors.Date("on", request.On);
        var summary = errors.Text("summary", request.Summary, required: false);
        var source = CitationMapping.ToCitation(request.Source, errors);
        var otherSources = CitationMapping.ToOtherSources(request.OtherSources, errors);
        var links = LinkMapping.ToLinks(request.Links, treaty, errors);
        var certainty = Certainty(request.Certainty, errors);
        if (certainty is { } sure && Stands(sure, on) is { } date)
            errors.Add("on", $"with certainty '{request.Certainty}' the date stands for the {sure.ToString().ToLowerInvariant()}: give {date:yyyy-MM-dd}");
        var built = shape.Build(request, treaty, errors);

        if (errors.Any || built is null) return (null, errors.ToDictionary());
        return (built with
        {
            On = on, Summary = summary, Source = source, OtherSources = otherSources, Links = links,
            Certainty = certainty == DateCertainty.Day ? null : certainty
        }, errors.ToDictionary());
    }

    private static EnteredIntoForce EntryIntoForce(RecordEventRequest r, FieldErrors e)
    {
        if (r.Party is not null && r.Parties is not null) e.Add("parties", "is for the treaty's entry into force; 'party' for one party's: not both");
        return new EnteredIntoForce(r.Party is null ? null : e.Name("party", r.Party)) { Parties = r.Parties is null ? null : e.Names("parties", r.Parties) };
    }

    private static Succeeded Succession(RecordEventRequest r, FieldErrors e)
    {
        var successor = e.Name("successor", r.Successor);
        var predecessor = e.Name("predecessor", r.Predecessor);
        if (successor.Length > 0 && successor == predecessor) e.Add("successor", "must differ from the predecessor");
        SuccessionKind kind = default;
        switch (r.Kind)
        {
            case "continuation": kind = SuccessionKind.Continuation; break;
            case "succession": kind = SuccessionKind.Succession; break;
            default:
                e.Add("kind", r.Kind is null
                    ? "is required: continuation (the same state under a new name) or succession (a new state in its predecessor's place)"
                    : $"'{r.Kind}' is neither continuation nor succession");
                break;
        }
        return new Succeeded(successor, predecessor, kind);
    }

    private static DateOnly NoticeRunsOut(IsoPeriod? period, DateOnly on, FieldErrors e)
    {
        if (period is null)
        {
            e.Add("effectiveOn", "is required: the treaty has no withdrawal notice period on record to count from");
            return default;
        }
        if (period.TryAddTo(on) is { } effectiveOn) return effectiveOn;
        e.Add("effectiveOn", $"the notice period ({period}) from {on:yyyy-MM-dd} runs past {DateOnly.MaxValue:yyyy-MM-dd}: give effectiveOn");
        return default;
    }

    private static string SupersedingTreaty(string? by, Treaty treaty, FieldErrors e)
    {
        var id = e.Name("by", by);
        if (id.Length == 0) return id;
        if (!RegisterTreaty.IsTreatyId(id)) e.Add("by", $"is the id of the treaty that replaces this one, and {RegisterTreaty.TreatyIdRule}");
        else if (id == treaty.Id) e.Add("by", "names this treaty itself");
        return id;
    }

    /// <summary>The date a month's or a year's date must be (its first day), when <paramref name="day"/> is not it.</summary>
    private static DateOnly? Stands(DateCertainty certainty, DateOnly day) => certainty switch
    {
        DateCertainty.Month when day.Day != 1 => new DateOnly(day.Year, day.Month, 1),
        DateCertainty.Year when day.DayOfYear != 1 => new DateOnly(day.Year, 1, 1),
        _ => null
    };

    private static DateCertainty? Certainty(string? text, FieldErrors e)
    {
        if (text is null) return null;
        if (Certainties.TryGetValue(text, out var certainty)) return certainty;
        e.Add("certainty", $"'{text}' is not one of: {string.Join(", ", Certainties.Keys)}");
        return null;
    }

    /// <summary>The fields of a request that only some event types have, and whether each is present.</summary>
    public static IEnumerable<(string Field, bool Present)> SpecificFields(RecordEventRequest r) =>
    [
        ("parties", r.Parties is not null), ("party", r.Party is not null), ("toward", r.Toward is not null),
        ("accuser", r.Accuser is not null), ("accused", r.Accused is not null), ("effectiveOn", r.EffectiveOn is not null),
        ("expiresOn", r.ExpiresOn is not null), ("by", r.By is not null), ("eventId", r.EventId is not null),
        ("reason", r.Reason is not null), ("successor", r.Successor is not null), ("predecessor", r.Predecessor is not null),
        ("kind", r.Kind is not null), ("followsFrom", r.FollowsFrom is not null), ("follows", r.Follows is not null)
    ];
}

using System.Diagnostics.CodeAnalysis;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Features.Status;

/// <summary>A treaty and its parties as they stood on <c>AsOf</c>, with its terms.</summary>
public sealed record TreatyStatusResponse : TreatyTerms
{
    [SetsRequiredMembers]
    private TreatyStatusResponse(TreatyTerms terms) : base(terms) { }

    public string Id { get; init; } = "";
    public DateOnly AsOf { get; init; }
    public TreatyStatus Status { get; init; }
    public DateOnly? Since { get; init; }
    public DateCertainty? SinceCertainty { get; init; }

    /// <summary>The treaty that replaced this one, once it has been superseded.</summary>
    public string? SupersededBy { get; init; }
    public IReadOnlyList<PartySnapshot> Parties { get; init; } = [];
    public DateOnly? ExpiresOn { get; init; }
    public IReadOnlyList<Deadline> PendingDeadlines { get; init; } = [];
    public IReadOnlyList<ObjectionEntry> Objections { get; init; } = [];

    /// <summary>This treaty's relations to others stated by its record up to <c>AsOf</c>; both directions: <c>/api/treaties/{id}/links</c>.</summary>
    public IReadOnlyList<LinkEntry> Links { get; init; } = [];

    /// <summary>Which states the record follows: when only some, the parties listed are not the treaty's whole table.</summary>
    public RecordScope Scope { get; init; } = RecordScope.Of(null);
    public int AllegationCount { get; init; }
    public LastEvent? LastEvent { get; init; }
    public long Version { get; init; }

    public static TreatyStatusResponse From(TreatyStatusView view, DateOnly asOf)
    {
        var snapshot = view.Timeline.On(asOf);
        return new TreatyStatusResponse(view)
        {
            Id = view.Id, AsOf = asOf, Status = snapshot.Status, Since = snapshot.Since,
            SinceCertainty = snapshot.SinceCertainty, SupersededBy = snapshot.SupersededBy, Parties = snapshot.Parties,
            ExpiresOn = snapshot.ExpiresOn, PendingDeadlines = snapshot.PendingDeadlines, Objections = snapshot.Objections,
            Links = snapshot.Links, Scope = snapshot.Scope, AllegationCount = view.AllegationCount,
            LastEvent = view.LastEvent, Version = view.Version
        };
    }
}

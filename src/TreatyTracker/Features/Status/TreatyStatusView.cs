using TreatyTracker.Store.ReadModels;
using Marten;
using System.Linq.Expressions;
using System.Diagnostics.CodeAnalysis;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Features.Status;

public sealed record LastEvent(Guid Id, string Type, DateOnly On, DateTimeOffset RecordedAt, string? Summary);

/// <summary>
/// The current-status read model: a treaty's terms and its folded timeline, past and known future. A status changes on
/// its own when a notice runs out or a term ends, so a read picks the day it is asked about.
/// </summary>
public sealed record TreatyStatusView : TreatyTerms
{
    public TreatyStatusView() { }

    [SetsRequiredMembers]
    private TreatyStatusView(TreatyTerms terms) : base(terms) { }

    public string Id { get; init; } = "";
    public DateTimeOffset RegisteredAt { get; init; }
    public long Version { get; init; }
    public TreatyTimeline Timeline { get; init; } = null!;
    public int AllegationCount { get; init; }
    public LastEvent? LastEvent { get; init; }

    /// <summary>When the last event of the record this view follows from was recorded (its registration, before any); a
    /// column of its own, so that a question across many treaties reads it without the document.</summary>
    public DateTimeOffset RecordedThrough => LastEvent?.RecordedAt ?? RegisteredAt;

    /// <param name="lastSummary">The aggregate keeps no summaries: the caller has the last event itself.</param>
    public static TreatyStatusView From(Treaty treaty, string? lastSummary)
    {
        var timeline = treaty.Timeline;
        var last = treaty.Facts.LastOrDefault();
        return new TreatyStatusView(treaty.Terms)
        {
            Id = treaty.Id, RegisteredAt = treaty.RegisteredAt, Version = treaty.Version,
            // The view is rewritten on every append: allegations are counted here and listed from their own rows.
            Timeline = timeline with { Issues = [], Allegations = [] }, AllegationCount = timeline.Allegations.Count,
            LastEvent = last is null ? null : new LastEvent(last.Id, TreatyEventTypes.NameOf(last.Event), last.Event.On, last.RecordedAt, lastSummary)
        };
    }
}

/// <summary>Each treaty's status view, kept by the store's projection from its whole record.</summary>
public sealed class TreatyStatusViews : ReadModel<TreatyStatusView>
{
    public override IEnumerable<TreatyStatusView> RowsOf(TreatyRecord record) => [TreatyStatusView.From(record.Treaty, record.Facts.LastOrDefault()?.Event.Summary)];

    protected override Expression<Func<TreatyStatusView, bool>> OfTreaties(string[] treatyIds) => v => v.Id.IsOneOf(treatyIds);

    protected override object IdOf(TreatyStatusView row) => row.Id;

    // A state's view reads when each of its treaties was last recorded, for its citation, without their documents.
    public override void Configure(StoreOptions options) =>
        options.Schema.For<TreatyStatusView>().Duplicate(v => v.RecordedThrough, pgType: "timestamp with time zone");
}

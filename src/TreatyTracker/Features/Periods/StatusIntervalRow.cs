using TreatyTracker.Store.ReadModels;
using Marten;
using System.Linq.Expressions;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Features.Periods;

/// <summary>
/// One status interval <c>[From, To)</c> of a treaty (<c>Party</c> null) or of one of its parties, kept so that a
/// question by state or over a period is one indexed read: "where did Russia stand on a day", "who was suspended at
/// some time in 2019–2023". <c>To</c> is <see cref="DateOnly.MaxValue"/> while the interval is open.
/// </summary>
/// <param name="Party">The party's name as the record last names it (a continuing state's latest name); its other names are in <c>Names</c>.</param>
/// <param name="Status">The status as the API spells it (<c>in-force</c>, <c>suspended</c> …), of the treaty or of the party.</param>
public sealed record StatusIntervalRow(string Id, string TreatyId, string TreatyShortName, string? Party, string Status, DateOnly From, DateOnly To, Guid? CausedBy)
{
    public DateCertainty? Certainty { get; init; }
    public DateOnly? EffectiveOn { get; init; }
    public IReadOnlyList<string>? Toward { get; init; }
    public IReadOnlyList<PartyName>? Names { get; init; }

    /// <summary>How the party's standing before this one ended, when this one's status does not tell (see <see cref="StandingEnd"/>).</summary>
    public StandingEnd? PreviousEndedBy { get; init; }

    public static IEnumerable<StatusIntervalRow> Of(Treaty treaty)
    {
        var timeline = treaty.Timeline;
        var shortName = treaty.Terms.ShortName;
        foreach (var interval in timeline.Treaty.Where(i => i.From is not null))
            yield return new StatusIntervalRow($"{treaty.Id}//{interval.From:yyyy-MM-dd}", treaty.Id, shortName, null, StatusNames.Of(interval.Status),
                interval.From!.Value, interval.To ?? DateOnly.MaxValue, interval.CausedBy) { Certainty = interval.Certainty };
        foreach (var party in timeline.Parties)
        foreach (var interval in party.Intervals)
            yield return new StatusIntervalRow($"{treaty.Id}/{party.Name}/{interval.From:yyyy-MM-dd}", treaty.Id, shortName, party.Name,
                StatusNames.Of(interval.Status), interval.From, interval.To ?? DateOnly.MaxValue, interval.CausedBy)
            {
                Certainty = interval.Certainty, EffectiveOn = interval.EffectiveOn, Toward = interval.Toward, Names = party.Names,
                PreviousEndedBy = interval.PreviousEndedBy
            };
    }

    public bool Contains(DateOnly day) => From <= day && day < To;

    /// <summary>The name the party had on <paramref name="day"/>.</summary>
    public string? NameOn(DateOnly day) => Names?.LastOrDefault(n => n.From <= day)?.Name ?? Names?[0].Name ?? Party;

    /// <summary>Every status a treaty or a party can have, as the API spells it.</summary>
    public static readonly IReadOnlySet<string> Statuses = Enum.GetValues<TreatyStatus>().Select(StatusNames.Of)
        .Concat(Enum.GetValues<PartyStatus>().Select(StatusNames.Of)).ToHashSet();
}

/// <summary>The status intervals of every treaty and party.</summary>
public sealed class StatusIntervalRows : ReadModel<StatusIntervalRow>
{
    public override IEnumerable<StatusIntervalRow> RowsOf(TreatyRecord record) => StatusIntervalRow.Of(record.Treaty);

    protected override Expression<Func<StatusIntervalRow, bool>> OfTreaties(string[] treatyIds) => i => i.TreatyId.IsOneOf(treatyIds);

    protected override object IdOf(StatusIntervalRow row) => row.Id;

    // A state's view and the questions over a period read intervals by party, by treaty and by their bounds.
    public override void Configure(StoreOptions options) => options.Schema.For<StatusIntervalRow>()
        .Duplicate(i => i.TreatyId)
        .Duplicate(i => i.Party!)
        .Duplicate(i => i.Status)
        .Duplicate(i => i.From, pgType: "date")
        .Duplicate(i => i.To, pgType: "date");
}

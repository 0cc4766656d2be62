using TreatyTracker.Store.ReadModels;
using Marten;
using System.Linq.Expressions;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Features.States;

/// <summary>
/// One state in one treaty over all time: its intervals and names there, the treaty's own intervals (from its signature
/// on) and the treaty's deadlines over the days each was pending. A state's view of any day is one indexed read of these rows by the state's name and a
/// pure pick from each (<see cref="On"/>); a view of a past record folds the treaties and picks from the same rows.
/// </summary>
/// <param name="Party">The party's name as the record last names it (a continuing state's latest name); its other names are in the timeline.</param>
public sealed record StateInTreatyRow(string Id, string TreatyId, string ShortName, string Party, PartyTimeline Timeline,
    IReadOnlyList<TreatyInterval> Treaty, IReadOnlyList<PendingDeadline> Deadlines)
{
    /// <summary>One row per party, with only what a day's view shows: a state's view reads and parses a row per treaty it is in.</summary>
    public static IEnumerable<StateInTreatyRow> Of(Treaty treaty)
    {
        var own = treaty.Timeline.Treaty.Where(i => i.From is not null).Select(i => new TreatyInterval(i.Status, i.From, i.To, null)).ToList();
        return treaty.Timeline.Parties.Select(party => new StateInTreatyRow($"{treaty.Id}/{party.Name}", treaty.Id, treaty.Terms.ShortName, party.Name,
            new PartyTimeline(party.Name, party.Intervals.Select(i => i with { CausedBy = null }).ToList()) { Names = party.Names }, own,
            treaty.Timeline.PendingDeadlines()));
    }

    /// <summary>The treaty's deadlines pending on <paramref name="day"/>, by the rule the treaty's own status follows.</summary>
    public IReadOnlyList<Deadline> PendingOn(DateOnly day) => PendingDeadline.On(Deadlines, day);

    /// <summary>
    /// The state in this treaty on <paramref name="day"/>: the name it had, its status (null before it took part), the
    /// treaty's own status (null before its first), and the treaty's first deadline pending on the day, whoever it
    /// concerns (another party's withdrawal can end the treaty); of two on one day, the first by kind, then party.
    /// </summary>
    public StateInTreaty On(DateOnly day)
    {
        var holding = Timeline.On(day) is { } interval ? PartySnapshot.Of(Timeline, interval, day) : null;
        var treaty = Treaty.FirstOrDefault(i => i.Contains(day));
        return new StateInTreaty(TreatyId, ShortName, treaty is null ? null : StatusNames.Of(treaty.Status), Timeline.NameOn(day),
            holding is null ? null : StatusNames.Of(holding.Status), holding?.Since)
        {
            SinceCertainty = holding?.SinceCertainty, EffectiveOn = holding?.EffectiveOn, Toward = holding?.Toward, Before = holding?.Before,
            NextDeadline = PendingOn(day).FirstOrDefault()
        };
    }
}

/// <summary>Every state's row in every treaty it took part in.</summary>
public sealed class StateInTreatyRows : ReadModel<StateInTreatyRow>
{
    public override IEnumerable<StateInTreatyRow> RowsOf(TreatyRecord record) => StateInTreatyRow.Of(record.Treaty);

    protected override Expression<Func<StateInTreatyRow, bool>> OfTreaties(string[] treatyIds) => r => r.TreatyId.IsOneOf(treatyIds);

    protected override object IdOf(StateInTreatyRow row) => row.Id;

    // A state's view of any day reads its row in each treaty by the state's name.
    public override void Configure(StoreOptions options) => options.Schema.For<StateInTreatyRow>().Duplicate(r => r.TreatyId).Duplicate(r => r.Party);
}

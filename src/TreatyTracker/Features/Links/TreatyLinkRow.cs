using TreatyTracker.Store.ReadModels;
using Marten;
using System.Linq.Expressions;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Features.Links;

/// <summary>
/// One relation between two treaties as the record of one of them states it, kept so that the other treaty can
/// find it too: the links of a treaty are those its facts state and those stated about it.
/// </summary>
public sealed record TreatyLinkRow(string Id, string FromTreaty, string ToTreaty, LinkRelation Relation, DateOnly On, Guid EventId)
{
    public static IEnumerable<TreatyLinkRow> Of(Treaty treaty) => treaty.Timeline.Links
        .Select(l => new TreatyLinkRow($"{treaty.Id}/{l.EventId}/{l.Relation}/{l.Treaty}", treaty.Id, l.Treaty, l.Relation, l.On, l.EventId));
}

/// <summary>The links every treaty's record states.</summary>
public sealed class TreatyLinkRows : ReadModel<TreatyLinkRow>
{
    public override IEnumerable<TreatyLinkRow> RowsOf(TreatyRecord record) => TreatyLinkRow.Of(record.Treaty);

    protected override Expression<Func<TreatyLinkRow, bool>> OfTreaties(string[] treatyIds) => l => l.FromTreaty.IsOneOf(treatyIds);

    protected override object IdOf(TreatyLinkRow row) => row.Id;

    public override void Configure(StoreOptions options) => options.Schema.For<TreatyLinkRow>().Duplicate(l => l.FromTreaty).Duplicate(l => l.ToTreaty);
}

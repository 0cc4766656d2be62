using TreatyTracker.Store.ReadModels;
using Marten;
using System.Linq.Expressions;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Features.Allegations;

/// <summary>One standing (not retracted) violation allegation, kept for queries across treaties.</summary>
public sealed record AllegationRow(
    Guid Id,
    string TreatyId,
    DateOnly On,
    string Accuser,
    string Accused,
    string? Summary,
    Citation? Source)
{
    public DateCertainty? Certainty { get; init; }

    public static AllegationRow From(string treatyId, Allegation allegation) => new(
        allegation.EventId, treatyId, allegation.On, allegation.Accuser, allegation.Accused, allegation.Summary, allegation.Source)
        { Certainty = allegation.Certainty };

    /// <summary>The allegations among <paramref name="recorded"/> that none of them retracts.</summary>
    public static IEnumerable<AllegationRow> Standing(string treatyId, IReadOnlyCollection<RecordedFact> recorded)
    {
        var retracted = Treaty.Retracted(recorded);
        return recorded.Where(f => f.Event is ViolationAlleged && !retracted.Contains(f.Id))
            .Select(f => (f.Id, Alleged: (ViolationAlleged)f.Event))
            .Select(a => new AllegationRow(a.Id, treatyId, a.Alleged.On, a.Alleged.Accuser, a.Alleged.Accused, a.Alleged.Summary, a.Alleged.Source)
                { Certainty = a.Alleged.Certainty });
    }
}

/// <summary>An allegation as the API answers it.</summary>
public sealed record AllegationResponse(Guid EventId, string TreatyId, DateOnly On, string Accuser, string Accused, string? Summary, Citation? Source)
{
    /// <summary>How sure <c>On</c> is; absent when the day is confirmed.</summary>
    public DateCertainty? Certainty { get; init; }

    public static AllegationResponse From(AllegationRow row) =>
        new(row.Id, row.TreatyId, row.On, row.Accuser, row.Accused, row.Summary, row.Source) { Certainty = row.Certainty };
}

/// <summary>The standing allegations of every treaty.</summary>
public sealed class AllegationRows : ReadModel<AllegationRow>
{
    public override IEnumerable<AllegationRow> RowsOf(TreatyRecord record) => AllegationRow.Standing(record.Id, record.Facts);

    protected override Expression<Func<AllegationRow, bool>> OfTreaties(string[] treatyIds) => a => a.TreatyId.IsOneOf(treatyIds);

    protected override object IdOf(AllegationRow row) => row.Id;

    // A state's view and the questions by accuser or accused read allegations by the states' names.
    public override void Configure(StoreOptions options) => options.Schema.For<AllegationRow>()
        .Duplicate(a => a.TreatyId).Duplicate(a => a.On, pgType: "date").Duplicate(a => a.Accuser).Duplicate(a => a.Accused);
}

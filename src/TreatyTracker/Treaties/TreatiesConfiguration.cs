using JasperFx.Events.Projections;
using Marten;
using TreatyTracker.Treaties.FetchingForWriting;
using TreatyTracker.Treaties.GettingStatus;
using TreatyTracker.Treaties.ListingAllegations;
using TreatyTracker.Treaties.ListingDeadlines;

namespace TreatyTracker.Treaties;

public static class TreatiesConfiguration
{
    /// <summary>The treaty streams, the aggregate and the two views, all kept inline in the append's transaction.</summary>
    public static void AddTreaties(this StoreOptions options, KeptTreaties kept)
    {
        // Commands fold the aggregate from its stream, through a fetch plan of our own that reads only the events the
        // treaty this instance kept does not hold yet; the read models are written inline. A stored snapshot was
        // measured and lost: rewriting a document that grows with the record on every append cost more (WAL,
        // compression) than folding ~100 events saved, and slowed the rebuild by a quarter.
        options.Projections.Add<TreatyProjection>(ProjectionLifecycle.Live);
        options.Projections.FetchPlanners.Add(new TreatyFetchPlanner(kept));
        options.Projections.Add(new TreatyReadModels(), ProjectionLifecycle.Inline);
        // Audit: who recorded each event (user name) and under which request (correlation id).
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Schema.For<TreatyStatusView>();

        // "Every treaty on a date" reads one segment per treaty through this index: its cost follows the
        // treaties answered, not the events stored.
        options.Schema.For<StatusSegment>()
            .Duplicate(s => s.TreatyId)
            .Duplicate(s => s.From, pgType: "date")
            .Duplicate(s => s.To, pgType: "date");
        options.Schema.For<AllegationRow>().Duplicate(a => a.TreatyId).Duplicate(a => a.On, pgType: "date");
        options.Schema.For<DeadlineRow>().Duplicate(d => d.TreatyId).Duplicate(d => d.On, pgType: "date");
    }
}

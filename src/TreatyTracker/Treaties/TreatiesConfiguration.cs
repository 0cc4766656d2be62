using JasperFx.Events.Projections;
using Marten;
using TreatyTracker.Treaties.GettingHistory;
using TreatyTracker.Treaties.GettingStatus;

namespace TreatyTracker.Treaties;

public static class TreatiesConfiguration
{
    /// <summary>The treaty streams, the aggregate and the two views, all kept inline in the append's transaction.</summary>
    public static void AddTreaties(this StoreOptions options)
    {
        options.Projections.Add<TreatyProjection>(ProjectionLifecycle.Inline);
        // The views are written by the projection's side effects, which Marten runs inline only when asked.
        options.Events.EnableSideEffectsOnInlineProjections = true;
        options.Schema.For<TreatyStatusView>();
        options.Schema.For<TreatyHistoryView>();
    }
}

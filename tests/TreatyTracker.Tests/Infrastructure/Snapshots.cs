using System.Text.Json.Nodes;
using Marten;
using TreatyTracker.Treaties;
using Xunit;

namespace TreatyTracker.Tests.Infrastructure;

public static class Snapshots
{
    /// <summary>Every stored treaty snapshot is exactly the fold of its stream, and every stream has one.</summary>
    public static async Task AssertEachIsTheFoldOfItsStreamAsync(IDocumentStore store)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var session = store.QuerySession();
        var streams = await session.QueryAsync<string>($"select id from {store.Options.Events.DatabaseSchemaName}.mt_streams order by id", cancellation);
        var snapshots = await session.Query<Treaty>().ToListAsync(cancellation);
        Assert.Equal(streams, snapshots.Select(t => t.Id).Order(StringComparer.Ordinal));
        var serializer = store.Options.Serializer();
        foreach (var snapshot in snapshots)
        {
            var folded = TreatyProjection.Fold(await session.Events.FetchStreamAsync(snapshot.Id, token: cancellation));
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(serializer.ToJson(folded)), JsonNode.Parse(serializer.ToJson(snapshot))),
                $"the snapshot of '{snapshot.Id}' is not the fold of its stream:\n{serializer.ToJson(snapshot)}\n{serializer.ToJson(folded)}");
        }
    }
}

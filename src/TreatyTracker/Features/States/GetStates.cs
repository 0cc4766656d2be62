using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using TreatyTracker.Features.Allegations;
using TreatyTracker.Features.Periods;
using TreatyTracker.Http;
using TreatyTracker.Store;
using Wolverine.Http;

namespace TreatyTracker.Features.States;

/// <summary>A state as the record knows it, under every name it has had, with how many treaties it took part in and its allegations.</summary>
public sealed record StateSummary(string Name, IReadOnlyList<string> Names, int Treaties, int AllegationsBy, int AllegationsAgainst);

public static class GetStatesEndpoint
{
    /// <summary>Every state any treaty names as a signatory or party, by the name it has now, in alphabetical order.</summary>
    [WolverineGet("/api/states", Name = "GetStates")]
    [EndpointSummary("Every state the record names, with counts")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<IReadOnlyList<StateSummary>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IQuerySession session, CancellationToken cancellation)
    {
        var treaties = await CountsAsync(session, typeof(StatusIntervalRow), "party", "count(distinct treaty_id)", "party is not null", cancellation);
        var by = await CountsAsync(session, typeof(AllegationRow), "accuser", "count(*)", "true", cancellation);
        var against = await CountsAsync(session, typeof(AllegationRow), "accused", "count(*)", "true", cancellation);
        var otherNames = await session.Query<StateNamesRow>().ToListAsync(cancellation);

        var states = new List<StateSummary>();
        foreach (var group in Group(treaties.Keys, otherNames))
        {
            int Sum(Dictionary<string, int> counts) => group.Sum(n => counts.GetValueOrDefault(n));
            states.Add(new StateSummary(group[^1], group, Sum(treaties), Sum(by), Sum(against)));
        }
        return JsonAnswer.Of(states.OrderBy(s => s.Name, StringComparer.Ordinal).ToList()).AsResult();
    }

    /// <summary>The names of one state together (the USSR with Russia), each group in the order the record gives them, its latest last.</summary>
    private static List<List<string>> Group(IEnumerable<string> names, IReadOnlyList<StateNamesRow> continuations)
    {
        var groups = names.ToDictionary(n => n, n => new List<string> { n });
        foreach (var row in continuations)
        {
            var merged = row.Names.SelectMany(n => groups.TryGetValue(n, out var g) ? g : [n]).Distinct().ToList();
            var ordered = row.Names.Concat(merged).Distinct().ToList();
            foreach (var name in ordered) groups[name] = ordered;
        }
        return groups.Values.Distinct().ToList();
    }

    private static async Task<Dictionary<string, int>> CountsAsync(IQuerySession session, Type rows, string key, string count, string where,
        CancellationToken cancellation)
    {
        var table = ReadModelSql.Table(session.DocumentStore, rows);
        await using var connection = await ReadModelSql.OpenAsync(session.DocumentStore, cancellation, rows);
        await using var command = new NpgsqlCommand($"select {key}, {count}::int from {table} where {where} group by 1", connection);
        var counts = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }
}

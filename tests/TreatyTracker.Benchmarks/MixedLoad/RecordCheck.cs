using System.Net;
using System.Text.Json.Nodes;

namespace TreatyTracker.MixedLoad;

/// <summary>
/// The load's writes against the record afterwards: every write answered 201 must be stored exactly once, and no
/// other write of the load (a 409, or one that got no answer) may be stored at all.
/// </summary>
public sealed record RecordCheck(int Acknowledged, int Stored, IReadOnlyList<string> Missing, IReadOnlyList<string> Duplicated, IReadOnlyList<string> StoredButNotAcknowledged)
{
    public bool Holds => Missing.Count == 0 && Duplicated.Count == 0 && StoredButNotAcknowledged.Count == 0;

    /// <summary>Reads the events of every treaty the load wrote to and compares the summaries with the answers.</summary>
    public static async Task<RecordCheck> ReadAsync(HttpClient http, IReadOnlyCollection<LoadAnswer> answers)
    {
        var writes = answers.Where(a => a is { IsWrite: true, Marker: not null }).ToList();
        var acknowledged = writes.Where(a => a.Status == HttpStatusCode.Created).Select(a => a.Marker!).ToHashSet();
        var stored = new List<string>();
        foreach (var treatyId in writes.Select(a => a.TreatyId!).Distinct())
        {
            var events = JsonNode.Parse(await http.GetStringAsync($"/api/treaties/{Uri.EscapeDataString(treatyId)}/events"))!.AsArray();
            stored.AddRange(events
                .Select(e => e!["summary"]?.GetValue<string>())
                .OfType<string>()
                .Where(summary => summary.StartsWith(MixedClient.MarkerPrefix, StringComparison.Ordinal)));
        }

        var storedOnce = stored.ToHashSet();
        return new RecordCheck(
            acknowledged.Count,
            stored.Count,
            acknowledged.Where(marker => !storedOnce.Contains(marker)).Order(StringComparer.Ordinal).ToList(),
            stored.GroupBy(marker => marker).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal).ToList(),
            storedOnce.Where(marker => !acknowledged.Contains(marker)).Order(StringComparer.Ordinal).ToList());
    }

    public override string ToString() =>
        $"{Acknowledged} acknowledged, {Stored} stored; missing {Missing.Count}, duplicated {Duplicated.Count}, stored but not acknowledged {StoredButNotAcknowledged.Count}" +
        (Holds ? "" : $" (first: {string.Join(", ", Missing.Concat(Duplicated).Concat(StoredButNotAcknowledged).Take(5))})");
}

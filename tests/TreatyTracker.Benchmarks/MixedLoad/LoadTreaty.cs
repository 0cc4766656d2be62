using System.Text.Json.Nodes;

namespace TreatyTracker.MixedLoad;

/// <summary>A treaty the load reads and writes, with two of its parties to accuse each other.</summary>
public sealed record LoadTreaty(string Id, string Accuser, string Accused)
{
    /// <summary>Every treaty on the server with at least two parties, from GET /api/treaties.</summary>
    public static async Task<IReadOnlyList<LoadTreaty>> ReadAllAsync(HttpClient http)
    {
        var treaties = JsonNode.Parse(await http.GetStringAsync("/api/treaties"))!.AsArray();
        return treaties
            .Select(t => (Id: t!["id"]!.GetValue<string>(), Parties: t["parties"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToArray()))
            .Where(t => t.Parties.Length >= 2)
            .Select(t => new LoadTreaty(t.Id, t.Parties[0], t.Parties[1]))
            .ToList();
    }
}

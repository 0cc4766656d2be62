using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TreatyTracker.Features.Importing;
using TreatyTracker.Http;
using TreatyTracker.Treaties;

namespace TreatyTracker.Benchmarks;

/// <summary>
/// A deterministic archive of N treaties and about M events, in the rows of POST /api/import: signatures and
/// entries into force, statements, allegations both ways, suspensions and resumptions, announced withdrawals,
/// a share of backdated entries, retractions of earlier ones, and notices running out in the far future.
/// </summary>
public sealed class SyntheticArchive(int treaties, int events, int seed = 1987)
{
    public int Treaties => treaties;
    public int EventsPerTreaty => Math.Max(4, events / treaties);

    public static string TreatyId(int index) => $"t{index:000000}";

    /// <summary>Whether State 7 is a party: in three multilateral treaties of ten, a tenth of all (the state view's target of 1,000 at 10,000 treaties).</summary>
    private static bool TakesPartInTenth(int treatyIndex) => treatyIndex % 3 == 0 && treatyIndex / 3 % 10 < 3;

    /// <summary>Treaty <paramref name="treatyIndex"/> as its import decides it, folded.</summary>
    public Treaty Folded(int treatyIndex)
    {
        var rows = Rows(treatyIndex).Select((r, line) => new NumberedRow(line + 1, JsonSerializer.Deserialize<ImportRow>(r, ApiJson.Options)!)).ToList();
        var (plan, problems) = ImportPlan.Make(rows, new Dictionary<string, Treaty>(), DateTimeOffset.UnixEpoch);
        if (problems.Count > 0) throw new InvalidOperationException($"The synthetic treaty {TreatyId(treatyIndex)} is refused: {problems[0].Errors.First().Value[0]}");
        return plan.Single().After!;
    }

    public IEnumerable<JsonObject> Rows(int treatyIndex)
    {
        // Not HashCode.Combine: its seed changes with every process, and so would the archive.
        var random = new Random(seed * 1_000_003 + treatyIndex);
        var id = TreatyId(treatyIndex);
        var bilateral = treatyIndex % 3 != 0;
        var parties = Enumerable.Range(1, bilateral ? 2 : 3 + random.Next(4)).Select(p => $"State {p}")
            .Concat(TakesPartInTenth(treatyIndex) ? ["State 7"] : []).ToArray();
        var day = new DateOnly(1950, 1, 1).AddDays(random.Next(15000));
        var recorded = new List<(Guid Id, string Type)>();
        var numbered = 0;

        JsonObject Event(string type, DateOnly on, params (string Name, JsonNode? Value)[] fields)
        {
            var eventId = DeterministicId(treatyIndex, numbered++);
            recorded.Add((eventId, type));
            var row = new JsonObject { ["id"] = eventId.ToString(), ["treaty"] = id, ["type"] = type, ["on"] = on.ToString("yyyy-MM-dd") };
            foreach (var (name, value) in fields) row[name] = value;
            if (random.Next(2) == 0) row["source"] = new JsonObject { ["title"] = $"Source {random.Next(1000)}", ["url"] = $"https://example.org/{id}/{recorded.Count}" };
            return row;
        }

        var registration = new JsonObject
        {
            ["treaty"] = id, ["type"] = "treaty-registered", ["name"] = $"Synthetic treaty {treatyIndex}", ["shortName"] = id,
            ["kind"] = bilateral ? "bilateral" : "multilateral", ["withdrawalNoticePeriod"] = "P6M"
        };
        yield return registration;
        var signedOn = day;
        yield return Event("signed", day, ("parties", new JsonArray(parties.Select(p => (JsonNode?)p).ToArray())));
        day = day.AddDays(30 + random.Next(700));
        yield return Event("entered-into-force", day);

        var suspended = new HashSet<string>();
        var withNotice = treatyIndex % 10 == 0;
        for (var n = 3; n < EventsPerTreaty - (withNotice ? 1 : 0); n++)
        {
            day = day.AddDays(1 + random.Next(20));
            var party = parties[random.Next(parties.Length)];
            var other = parties.First(p => p != party);
            var roll = random.Next(100);
            if (roll < 8 && recorded.Count > 3)
            {
                var statements = recorded.Where(r => r.Type == "statement").ToList();
                if (statements.Count > 0)
                {
                    var target = statements[random.Next(statements.Count)];
                    recorded.RemoveAll(r => r.Id == target.Id);
                    yield return Event("event-retracted", day, ("eventId", target.Id.ToString()), ("reason", "recorded in error"));
                    continue;
                }
            }
            if (roll < 18)
            {
                // Backdated: learned late, dated years before what was recorded just now.
                yield return Event("statement", signedOn.AddDays(1 + random.Next(Math.Max(1, day.DayNumber - signedOn.DayNumber))),
                    ("by", party), ("summary", "a statement learned late"));
                continue;
            }
            if (roll < 35) { yield return Event("violation-alleged", day, ("accuser", party), ("accused", other), ("summary", "alleged breach")); continue; }
            if (roll < 45)
            {
                if (suspended.Add(party)) yield return Event("participation-suspended", day, ("party", party));
                else { suspended.Remove(party); yield return Event("participation-resumed", day, ("party", party)); }
                continue;
            }
            if (roll < 50) { yield return Event("withdrawal-announced", day, ("party", party)); continue; }
            yield return Event("statement", day, ("by", party), ("summary", $"statement {n} of {id}"));
        }
        if (withNotice)
            yield return Event("withdrawal-notice-given", new DateOnly(2099, 7, 1), ("party", parties[0]));
    }

    private Guid DeterministicId(int treaty, int n)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{treaty}:{n}"))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

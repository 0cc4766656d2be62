using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;

namespace TreatyTracker.Features.Importing;

public sealed record NumberedRow(int Line, ImportRow Row);

public sealed record RowProblem(int Line, string? Treaty, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// Decides every row first, through the same decisions as the API, each against the treaty as the rows before it leave
/// it; then what falls due. Pure: the decisions are recorded all together, or the problems are reported, each with its line.
/// </summary>
public static class ImportPlan
{
    /// <summary>Each row is decided against the whole record before it: more rows for one treaty belong in several imports.</summary>
    public const int MaxRowsPerTreaty = 2_000;

    public static (IReadOnlyList<Decision> Plan, IReadOnlyList<RowProblem> Problems) Make(
        IReadOnlyList<NumberedRow> rows, IReadOnlyDictionary<string, Treaty> existing, DateTimeOffset now)
    {
        var problems = new List<RowProblem>();
        foreach (var crowded in rows.GroupBy(r => r.Row.Treaty).Where(g => g.Count() > MaxRowsPerTreaty))
            problems.Add(new RowProblem(crowded.First().Line, crowded.Key, new Dictionary<string, string[]>
            {
                ["treaty"] = [$"{crowded.Count()} rows for one treaty; an import takes at most {MaxRowsPerTreaty} per treaty"]
            }));
        if (problems.Count > 0) return ([], problems);

        // Every id already taken, by the treaties' records or by an earlier row, is refused first: after that, no
        // row depends on another treaty's rows, and each treaty's rows are decided on their own, in parallel.
        var taken = existing.Values.SelectMany(t => t.Facts).Select(f => f.Id).ToHashSet();
        var reused = new HashSet<int>();
        foreach (var (line, row) in rows.Where(r => !string.IsNullOrWhiteSpace(r.Row.Treaty)))
            if (row.Id is { } chosen && (row.Registers ? taken.Contains(chosen) : !taken.Add(chosen)))
                reused.Add(line);

        var treaties = rows.GroupBy(r => r.Row.Treaty ?? "").ToList();
        var planned = new (Decision? Decision, List<RowProblem> Problems)[treaties.Count];
        Parallel.For(0, treaties.Count, i => planned[i] = PlanTreaty(treaties[i].ToList(), existing.GetValueOrDefault(treaties[i].Key), reused, now));

        problems.AddRange(planned.SelectMany(p => p.Problems));
        return problems.Count > 0 ? ([], problems) : (planned.Select(p => p.Decision).OfType<Decision>().Where(d => d.Records).ToList(), []);
    }

    /// <summary>One treaty's rows, in order, each decided against the record the rows before it leave.</summary>
    private static (Decision?, List<RowProblem>) PlanTreaty(List<NumberedRow> rows, Treaty? existing, IReadOnlySet<int> reused, DateTimeOffset now)
    {
        var problems = new List<RowProblem>();
        var decision = existing is null ? null : Decision.About(existing);

        foreach (var (line, row) in rows)
        {
            void Refuse(IReadOnlyDictionary<string, string[]> errors) => problems.Add(new RowProblem(line, row.Treaty, errors));
            void RefuseField(string field, string message) => Refuse(new Dictionary<string, string[]> { [field] = [message] });

            if (string.IsNullOrWhiteSpace(row.Treaty)) { RefuseField("treaty", "is required"); continue; }
            if (reused.Contains(line)) { RefuseField("id", $"event {row.Id} is already recorded"); continue; }

            if (row.Registers)
            {
                var (request, errors) = row.ToRegistration();
                if (request is null) { Refuse(errors.ToDictionary()); continue; }
                var registration = RegisterTreaty.Decide(request, now);
                if (registration.Refusal is { } refused) { Refuse(refused.Errors); continue; }
                if (decision is not null) { RefuseField("treaty", $"'{row.Treaty}' is already registered"); continue; }
                decision = registration;
                continue;
            }

            if (decision is null) { RefuseField("treaty", $"no treaty '{row.Treaty}' is registered (register it with a '{Exchange.ExchangeColumns.Registration}' row first)"); continue; }
            if (row.MisplacedOnAnEventRow() is { Count: > 0 } misplaced) { Refuse(misplaced); continue; }

            // Decided with the id and time it is recorded with, the row's record is the next row's, fold and all.
            var next = RecordEvent.Fact(decision, row, row.Id ?? Guid.CreateVersion7(), now);
            if (next.Refusal is { } refusal) { Refuse(refusal.Errors); continue; }
            decision = next;
        }

        return (problems.Count > 0 || decision is null ? null : DeadlineRules.FallingDue(decision, now), problems);
    }
}

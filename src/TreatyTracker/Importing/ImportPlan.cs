using JasperFx.Events;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Recording;
using TreatyTracker.Treaties.Registering;

namespace TreatyTracker.Importing;

public sealed record NumberedRow(int Line, ImportRow Row);

public sealed record RowProblem(int Line, string? Treaty, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>What to append to one treaty's stream: <c>Before</c> null for a treaty the import registers.</summary>
public sealed record TreatyImport(string TreatyId, Treaty? Before, Treaty After, IReadOnlyList<IEvent> Events);

/// <summary>
/// Validates every row first, through the same decisions as the API, against the treaty as the earlier rows
/// leave it. Pure: the plan is appended whole, or the problems are reported, every one with its line.
/// </summary>
public static class ImportPlan
{
    /// <summary>Each row is decided against the whole record before it: more rows for one treaty belong in several imports.</summary>
    public const int MaxRowsPerTreaty = 2_000;

    public static (IReadOnlyList<TreatyImport> Plan, IReadOnlyList<RowProblem> Problems) Make(
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
            if (row.Id is { } chosen && (row.Type == ImportRow.Registration ? taken.Contains(chosen) : !taken.Add(chosen)))
                reused.Add(line);

        var treaties = rows.GroupBy(r => r.Row.Treaty ?? "").ToList();
        var planned = new (TreatyImport? Import, List<RowProblem> Problems)[treaties.Count];
        Parallel.For(0, treaties.Count, i => planned[i] = PlanTreaty(treaties[i].Key, treaties[i].ToList(), existing.GetValueOrDefault(treaties[i].Key), reused, now));

        problems.AddRange(planned.SelectMany(p => p.Problems));
        return problems.Count > 0 ? ([], problems) : (planned.Select(p => p.Import).OfType<TreatyImport>().ToList(), []);
    }

    /// <summary>One treaty's rows, in order, each decided against the record the rows before it leave.</summary>
    private static (TreatyImport?, List<RowProblem>) PlanTreaty(string treatyId, List<NumberedRow> rows, Treaty? existing, IReadOnlySet<int> reused, DateTimeOffset now)
    {
        var problems = new List<RowProblem>();
        var (before, current, events) = (existing, existing, new List<IEvent>());

        foreach (var (line, row) in rows)
        {
            void Refuse(string field, string message) => problems.Add(new RowProblem(line, row.Treaty, new Dictionary<string, string[]> { [field] = [message] }));

            if (string.IsNullOrWhiteSpace(row.Treaty)) { Refuse("treaty", "is required"); continue; }
            if (reused.Contains(line)) { Refuse("id", $"event {row.Id} is already recorded"); continue; }

            if (row.Type == ImportRow.Registration)
            {
                if (row.Id is not null) { Refuse("id", "a registration row has no event id"); continue; }
                var (registered, problem) = RegisterTreaty.Decide(row.ToRegistration());
                if (problem is not null) { problems.Add(new RowProblem(line, row.Treaty, ErrorsOf(problem))); continue; }
                if (current is not null) { Refuse("treaty", $"'{row.Treaty}' is already registered"); continue; }
                current = Treaty.Register(registered!, now);
                events.Add(new Event<TreatyRegistered>(registered!) { Id = Guid.CreateVersion7() });
                continue;
            }

            if (current is null) { Refuse("treaty", $"no treaty '{row.Treaty}' is registered (register it with a '{ImportRow.Registration}' row first)"); continue; }
            var misplaced = row.FieldsMisplacedOnAnEventRow().ToList();
            if (misplaced.Count > 0)
            {
                problems.Add(new RowProblem(line, row.Treaty, misplaced.ToDictionary(f => f, f => new[] { f == "version" ? "does not apply to an import row" : $"only applies to a '{ImportRow.Registration}' row" })));
                continue;
            }

            // Decided with the id and time it is recorded with, the row's record is the next row's, fold and all.
            var id = row.Id ?? Guid.CreateVersion7();
            var decision = RecordEvent.Decide(current, row, id, now);
            if (decision.Event is null) { problems.Add(new RowProblem(line, row.Treaty, ErrorsOf(decision.Problem!))); continue; }
            current = decision.After!;
            events.Add(TreatyEventTypes.ToMartenEvent(decision.Event, id));
        }

        return (events.Count == 0 || problems.Count > 0 ? null : new TreatyImport(treatyId, before, current!, events), problems);
    }

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        problem is Microsoft.AspNetCore.Mvc.ValidationProblemDetails validation
            ? validation.Errors.ToDictionary(e => e.Key, e => e.Value)
            : new Dictionary<string, string[]> { ["row"] = [problem.Detail ?? problem.Title ?? "refused"] };
}

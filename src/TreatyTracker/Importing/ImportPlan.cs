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

        var treaties = new Dictionary<string, (Treaty? Before, Treaty Current, List<IEvent> Events)>();
        // Every id already taken: by the treaties' records, and by earlier rows.
        var ids = existing.Values.SelectMany(t => t.Facts).Select(f => f.Id).ToHashSet();

        foreach (var (line, row) in rows)
        {
            void Refuse(string field, string message) => problems.Add(new RowProblem(line, row.Treaty, new Dictionary<string, string[]> { [field] = [message] }));

            if (string.IsNullOrWhiteSpace(row.Treaty)) { Refuse("treaty", "is required"); continue; }
            var known = treaties.TryGetValue(row.Treaty, out var planned) ? planned.Current : existing.GetValueOrDefault(row.Treaty);

            if (row.Id is { } chosen && ids.Contains(chosen))
            {
                Refuse("id", $"event {chosen} is already recorded");
                continue;
            }

            if (row.Type == ImportRow.Registration)
            {
                if (row.Id is not null) { Refuse("id", "a registration row has no event id"); continue; }
                var (registered, problem) = RegisterTreaty.Decide(row.ToRegistration());
                if (problem is not null) { problems.Add(new RowProblem(line, row.Treaty, ErrorsOf(problem))); continue; }
                if (known is not null) { Refuse("treaty", $"'{row.Treaty}' is already registered"); continue; }
                var eventId = Guid.CreateVersion7();
                var wrapped = new Event<TreatyRegistered>(registered!) { Id = eventId };
                treaties[row.Treaty] = (null, Treaty.Register(registered!, now), [wrapped]);
                continue;
            }

            if (known is null) { Refuse("treaty", $"no treaty '{row.Treaty}' is registered (register it with a '{ImportRow.Registration}' row first)"); continue; }
            var misplaced = row.FieldsMisplacedOnAnEventRow().ToList();
            if (misplaced.Count > 0)
            {
                problems.Add(new RowProblem(line, row.Treaty, misplaced.ToDictionary(f => f, f => new[] { f == "version" ? "does not apply to an import row" : $"only applies to a '{ImportRow.Registration}' row" })));
                continue;
            }

            // Decided with the id and time it is recorded with, the row's record is the next row's, fold and all.
            var id = row.Id ?? Guid.CreateVersion7();
            var decision = RecordEvent.Decide(known, row, id, now);
            if (decision.Event is null) { problems.Add(new RowProblem(line, row.Treaty, ErrorsOf(decision.Problem!))); continue; }

            ids.Add(id);
            if (!treaties.TryGetValue(row.Treaty, out planned)) planned = (known, known, []);
            planned.Events.Add(TreatyEventTypes.ToMartenEvent(decision.Event, id));
            treaties[row.Treaty] = (planned.Before, decision.After!, planned.Events);
        }

        return problems.Count > 0
            ? ([], problems)
            : (treaties.Select(t => new TreatyImport(t.Key, t.Value.Before, t.Value.Current, t.Value.Events)).ToList(), []);
    }

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        problem is Microsoft.AspNetCore.Mvc.ValidationProblemDetails validation
            ? validation.Errors.ToDictionary(e => e.Key, e => e.Value)
            : new Dictionary<string, string[]> { ["row"] = [problem.Detail ?? problem.Title ?? "refused"] };
}

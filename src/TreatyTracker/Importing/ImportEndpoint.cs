using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Api;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.ActingOnDeadlines;
using TreatyTracker.Treaties.FetchingForWriting;
using TreatyTracker.Treaties.GettingStatus;
using Wolverine;
using Wolverine.Http;

namespace TreatyTracker.Importing;

public sealed record ImportResult(int Rows, int TreatiesRegistered, int TreatiesChanged, int EventsRecorded);

public static class ImportEndpoint
{
    /// <summary>Many events for many treaties: all validated first, then appended all in one transaction, or none.</summary>
    [WolverinePost("/api/import", Name = "Import")]
    [RequestSizeLimit(RequestLimits.MaxImportBodyBytes)]
    [ProducesResponseType<ImportResult>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(HttpRequest request, IDocumentSession session, IMessageBus bus, TimeProvider clock, KeptTreaties kept,
        CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellation);
        var read = ImportReader.Read(buffer.ToArray(), request.ContentType);
        if (read.FileProblem is not null)
            return Problems.Invalid("The import cannot be read", "body", read.FileProblem).AsResult();

        var ids = read.Rows.Select(r => r.Row.Treaty).OfType<string>().Distinct().ToArray();
        var existing = await ExistingTreatiesAsync(session, kept, ids, cancellation);
        var (plan, problems) = ImportPlan.Make(read.Rows, existing, clock.GetUtcNow());
        problems = read.Problems.Concat(problems).OrderBy(p => p.Line).ToList();
        if (problems.Count > 0) return RowsRefused(problems).AsResult();

        foreach (var treaty in plan)
        {
            if (treaty.Before is null) session.Events.StartStream<Treaty>(treaty.TreatyId, treaty.Events.Cast<object>().ToArray());
            else session.Events.Append(treaty.TreatyId, treaty.After.StreamVersion, treaty.Events.Cast<object>().ToArray());

            foreach (var reminder in TransitionsDue.NewReminders(treaty.Before ?? treaty.After with { Facts = [] }, treaty.After))
                await bus.ScheduleAsync(reminder, reminder.DueAt);
        }

        return Results.Ok(new ImportResult(read.Rows.Count, plan.Count(t => t.Before is null), plan.Count(t => t.Before is not null),
            plan.Sum(t => t.Events.Count(e => e.Data is TreatyEvent))));
    }

    /// <summary>The treaties among <paramref name="ids"/> that are recorded, folded from one read of their streams (of
    /// what the treaties kept for writing lack), and remembered with the session so that the append's projection carries
    /// the folds on.</summary>
    private static async Task<Dictionary<string, Treaty>> ExistingTreatiesAsync(IDocumentSession session, KeptTreaties kept, string[] ids,
        CancellationToken cancellation)
    {
        var existing = new Dictionary<string, Treaty>();
        var folded = ids.Select(kept.Find).OfType<Treaty>().ToDictionary(t => t.Id);
        foreach (var (id, stream) in await StoredStreams.ReadAsync(session.DocumentStore, ids, cancellation, folded.Values))
            if (KeptTreaties.CarryOn(folded.GetValueOrDefault(id), stream) is { } treaty)
            {
                existing[id] = treaty;
                FoldedInSession.Remember(session, treaty);
            }
        return existing;
    }

    private static ProblemDetails RowsRefused(IReadOnlyList<RowProblem> problems) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The import was refused: nothing was recorded",
        Detail = $"{problems.Count} row(s) cannot be recorded; each is listed under 'rows' with its line number.",
        Extensions = { ["rows"] = problems }
    };
}

using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using TreatyTracker.Store;
using TreatyTracker.Store.ReadModels;
using TreatyTracker.Treaties;
using Wolverine;
using Wolverine.Http;

namespace TreatyTracker.Features.Importing;

public sealed record ImportResult(int Rows, int TreatiesRegistered, int TreatiesChanged, int EventsRecorded);

public static class ImportEndpoint
{
    /// <summary>Many events for many treaties: all decided first, then recorded all in one transaction, or none.</summary>
    [WolverinePost("/api/import", Name = "Import")]
    [ImportExamples]
    [EndpointSummary("Import many events for many treaties, all or none")]
    [RequestSizeLimit(RequestLimits.MaxImportBodyBytes)]
    [ProducesResponseType<ImportResult>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(HttpRequest request, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        IEnumerable<IOnRecorded> followers, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellation);
        var read = ImportReader.Read(buffer.ToArray(), request.ContentType);
        if (read.FileProblem is not null)
            return Problems.Invalid("The import cannot be read", "body", read.FileProblem).AsResult();

        var ids = read.Rows.Select(r => r.Row.Treaty).OfType<string>().Distinct().ToArray();
        var existing = await ExistingTreatiesAsync(session, ids, cancellation);
        var (plan, problems) = ImportPlan.Make(read.Rows, existing, clock.GetUtcNow());
        problems = read.Problems.Concat(problems).OrderBy(p => p.Line).ToList();
        if (problems.Count > 0) return RowsRefused(problems).AsResult();

        foreach (var decision in plan) await new TreatyChange(decision).ExecuteAsync(session, bus, clock, followers);
        // The rows' own events; the deadlines they leave due are recorded with them, as with any write.
        return Results.Ok(new ImportResult(read.Rows.Count, plan.Count(d => d.Before is null), plan.Count(d => d.Before is not null),
            read.Rows.Count(r => !r.Row.Registers)));
    }

    /// <summary>The treaties among <paramref name="ids"/> that are recorded, read in one query.</summary>
    private static async Task<Dictionary<string, Treaty>> ExistingTreatiesAsync(IQuerySession session, string[] ids, CancellationToken cancellation)
    {
        var existing = new Dictionary<string, Treaty>();
        foreach (var (id, stream) in await TreatyStreams.ReadAsync(session, ids, cancellation))
            if (TreatyAggregation.Aggregate(stream) is { } treaty)
                existing[id] = treaty;
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

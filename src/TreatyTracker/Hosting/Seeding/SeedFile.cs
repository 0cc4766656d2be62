using System.Text.Json;
using TreatyTracker.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;

namespace TreatyTracker.Hosting.Seeding;

/// <summary>
/// One file of <c>seeds/</c>: a treaty's registration and its dated events, in the API's own JSON, and what it retracts
/// of the entries earlier releases seeded.
/// </summary>
public sealed record SeedFile(RegisterTreatyRequest Treaty, IReadOnlyList<SeedEntry> Events, IReadOnlyList<SeedRetraction>? Retractions = null)
{
    public static async Task<SeedFile> ReadAsync(string path, CancellationToken cancellation)
    {
        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<SeedFile>(stream, ApiJson.Options, cancellation)
                   ?? throw new SeedException(path, "the file is empty");
        }
        catch (JsonException e)
        {
            throw new SeedException(path, e.Message);
        }
    }

    /// <summary>
    /// A seed entry's event id follows from its content (the event, not what it corrects), so loading the same file
    /// twice finds every entry already recorded, and a new entry added to a file later is recorded once.
    /// </summary>
    public static Guid EventIdOf(string treatyId, RecordEventRequest entry) =>
        NameBasedId.Of($"seed:{treatyId}:{JsonSerializer.Serialize<RecordEventRequest>(entry, ApiJson.Options)}");
}

/// <summary>A seed event; <c>Corrects</c> names the entry of an earlier release it replaces, retracted when it is recorded.</summary>
public sealed record SeedEntry : RecordEventRequest
{
    public Guid? Corrects { get; init; }
}

/// <summary>An entry of an earlier release that is no longer part of the record, with why.</summary>
public sealed record SeedRetraction(Guid EventId, string Reason);

public sealed class SeedException(string file, string problem)
    : Exception($"Seed file {Path.GetFileName(file)}: {problem}");

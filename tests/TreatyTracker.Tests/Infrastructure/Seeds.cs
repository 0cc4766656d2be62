using TreatyTracker.Hosting.Seeding;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>The repository's seeds/, as the tests read them: what a seeded database holds follows from these files.</summary>
public static class Seeds
{
    public static readonly string Directory = Path.Combine(RepositoryRoot.Path, "seeds");

    /// <summary>Every seed file, by its treaty's id.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, SeedFile>> Files = new(() => System.IO.Directory.GetFiles(Directory, "*.json")
        .Select(path => SeedFile.ReadAsync(path, CancellationToken.None).GetAwaiter().GetResult())
        .ToDictionary(seed => seed.Treaty.Id!));

    /// <summary>The ids of the seeded treaties, in the order the API lists treaties (by id, ordinal).</summary>
    public static IReadOnlyList<string> TreatyIds => [.. Files.Value.Keys.Order(StringComparer.Ordinal)];

    public static SeedFile Of(string treatyId) => Files.Value[treatyId];
}

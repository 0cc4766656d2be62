namespace TreatyTracker.Treaties;

/// <summary>How the record's names read in a sentence.</summary>
public static class Words
{
    /// <summary>"no one", "Russia", "the United States and Russia", "A, B and C".</summary>
    public static string List(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "no one",
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}"
    };
}

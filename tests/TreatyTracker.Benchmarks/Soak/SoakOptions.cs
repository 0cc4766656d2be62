namespace TreatyTracker.Benchmarks.Soak;

/// <summary>--soak [--minutes 3] [--clients 8] [--treaties 200] [--events 10000] [--out DIR]</summary>
public sealed record SoakOptions(TimeSpan Duration, int Clients, int Treaties, int Events, string Out)
{
    public TimeSpan SampleEvery { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Memory before this is not judged: pools, caches and the JIT fill up first.</summary>
    public TimeSpan WarmUp => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, Duration.Ticks / 6));

    /// <summary>How much the last third's average RSS may exceed the first third's (after the warm-up).</summary>
    public double RssGrowthTolerance => 0.25;

    /// <summary>A request that takes longer than this has hung, and counts as a failure.</summary>
    public TimeSpan HangLimit => TimeSpan.FromSeconds(30);

    public static SoakOptions Parse(string[] args, string defaultOut)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new SoakOptions(
            TimeSpan.FromMinutes(double.Parse(Value("--minutes") ?? "3")),
            int.Parse(Value("--clients") ?? "8"),
            int.Parse(Value("--treaties") ?? "200"),
            int.Parse(Value("--events") ?? "10000"),
            Value("--out") ?? defaultOut);
    }
}

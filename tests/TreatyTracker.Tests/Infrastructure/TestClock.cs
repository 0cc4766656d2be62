namespace TreatyTracker.Tests.Infrastructure;

/// <summary>A clock the test moves: the app's notion of "today" without waiting for it.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

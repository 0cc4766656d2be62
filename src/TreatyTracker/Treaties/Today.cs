namespace TreatyTracker.Treaties;

/// <summary>The day it is, in UTC, by the application's clock (which tests control).</summary>
public static class Today
{
    public static DateOnly From(TimeProvider clock) => Of(clock.GetUtcNow());

    public static DateOnly Of(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}

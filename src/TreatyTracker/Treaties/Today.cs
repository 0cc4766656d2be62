namespace TreatyTracker.Treaties;

/// <summary>The day it is, in UTC, by the application's clock (which tests control).</summary>
public static class Today
{
    public static DateOnly From(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

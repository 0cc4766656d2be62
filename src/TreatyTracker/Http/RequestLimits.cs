namespace TreatyTracker.Http;

/// <summary>Chosen limits, not framework defaults: a single fact is a few kilobytes; an import may be large.</summary>
public static class RequestLimits
{
    /// <summary>Any request body, unless its endpoint allows more.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary><c>POST /api/import</c>: about 50,000 typical rows.</summary>
    public const long MaxImportBodyBytes = 32 * 1024 * 1024;

    /// <summary>JSON nesting: the deepest valid request (an event with a source) is 3 levels.</summary>
    public const int MaxJsonDepth = 32;
}

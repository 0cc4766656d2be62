namespace TreatyTracker.Http.OpenApi;

/// <summary>One example request body of an operation, in one of the formats it reads.</summary>
public sealed record RequestExample(string Name, string Summary, string ContentType, string Body);

/// <summary>
/// What an endpoint's request body looks like in the OpenAPI document, beyond the type Wolverine binds: examples, and,
/// for an endpoint that reads its body itself, the type of its JSON (<see cref="JsonType"/>). Any content type an example
/// names that is not JSON is described as text.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public abstract class RequestBodyAttribute : Attribute
{
    public virtual Type? JsonType => null;

    public abstract IEnumerable<RequestExample> Examples { get; }
}

namespace TreatyTracker.Treaties.Decisions;

/// <summary>Why a command cannot be carried out: each field at fault with its messages. The HTTP edge answers it as a
/// problem document; the import and the seeds report it by row.</summary>
public sealed record Refusal(string Title, IReadOnlyDictionary<string, string[]> Errors)
{
    public static Refusal Of(string title, string field, string message) => new(title, new Dictionary<string, string[]> { [field] = [message] });

    public static Refusal Of(string title, FieldErrors errors) => new(title, errors.ToDictionary());

    /// <summary>Every message, each after its field.</summary>
    public string Detail => string.Join(" ", Errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}")));
}

namespace TreatyTracker.Treaties.Decisions;

/// <summary>Collects errors by field while the mapping goes on, so one answer names every problem.</summary>
public sealed class FieldErrors
{
    public const int MaxTextLength = 2000;
    public const int MaxNameLength = 100;
    public const int MaxNames = 500;
    private static readonly DateOnly Earliest = new(1800, 1, 1);
    private static readonly DateOnly Latest = new(2199, 12, 31);

    private readonly Dictionary<string, List<string>> _errors = new();

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public DateOnly Date(string field, DateOnly? value)
    {
        if (value is null) Add(field, "is required (YYYY-MM-DD)");
        else if (value < Earliest || value > Latest) Add(field, $"{value:yyyy-MM-dd} is outside {Earliest:yyyy-MM-dd}..{Latest:yyyy-MM-dd}");
        return value ?? default;
    }

    public T Required<T>(string field, T? value) where T : struct
    {
        if (value is null) Add(field, "is required");
        return value ?? default;
    }

    public string? Text(string field, string? value, bool required, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is required");
            return null;
        }
        var text = value.Trim();
        if (text.Length > maxLength) Add(field, $"is longer than {maxLength} characters");
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')) Add(field, "contains control characters");
        return text;
    }

    public string Name(string field, string? value) => Text(field, value, required: true, MaxNameLength) ?? "";

    public IReadOnlyList<string> Names(string field, IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            Add(field, "needs at least one name");
            return [];
        }
        if (values.Count > MaxNames)
        {
            Add(field, $"names more than {MaxNames} parties");
            return [];
        }
        var names = values.Select((v, i) => Name($"{field}[{i}]", v)).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count) Add(field, "names a party twice");
        return names;
    }
}

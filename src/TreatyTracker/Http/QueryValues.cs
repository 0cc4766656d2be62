using TreatyTracker.Treaties.Decisions;
using System.Globalization;

namespace TreatyTracker.Http;

/// <summary>Query-string values read strictly: a malformed one is an error naming the parameter, never silently ignored.</summary>
public static class QueryValues
{
    /// <summary>What kind of value each query parameter of the API takes, by its name: one name means one kind everywhere.</summary>
    public enum Kind { Date, Instant, Count }

    public static readonly IReadOnlyDictionary<string, Kind> Kinds = new Dictionary<string, Kind>
    {
        ["asOf"] = Kind.Date, ["from"] = Kind.Date, ["to"] = Kind.Date,
        ["recordedAt"] = Kind.Instant, ["since"] = Kind.Instant, ["until"] = Kind.Instant, ["comparedWith"] = Kind.Instant,
        ["page"] = Kind.Count, ["pageSize"] = Kind.Count
    };

    public static DateOnly? Date(string parameter, string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return errors.Date(parameter, date);
        errors.Add(parameter, $"'{text}' is not a date (YYYY-MM-DD)");
        return null;
    }

    public static DateTimeOffset? Instant(string parameter, string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            && text.Contains('T'))
            return instant;
        errors.Add(parameter, $"'{text}' is not an ISO-8601 instant such as 2024-05-01T12:00:00Z");
        return null;
    }

    public static int Count(string parameter, string? text, int fallback, int max, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max) return value;
        errors.Add(parameter, $"must be a whole number from 1 to {max}");
        return fallback;
    }

    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>A page of a paged answer: its number (from 1), its size (at most <see cref="MaxPageSize"/>) and the rows before it.</summary>
    public readonly record struct Paging(int Number, int Size)
    {
        public int Skip => (Number - 1) * Size;
    }

    public static Paging Page(string? page, string? pageSize, FieldErrors errors) =>
        new(Count("page", page, 1, int.MaxValue / MaxPageSize, errors), Count("pageSize", pageSize, DefaultPageSize, MaxPageSize, errors));

    public static void Window(DateOnly? from, DateOnly? to, FieldErrors errors)
    {
        if (from is not null && to is not null && from > to) errors.Add("from", $"{from:yyyy-MM-dd} is after to ({to:yyyy-MM-dd})");
    }
}

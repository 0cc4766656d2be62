using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace TreatyTracker.Treaties;

/// <summary>A calendar period in ISO-8601 form (P6M, P3M, P150D, P10Y, P1Y6M), as treaties state notice periods and terms.</summary>
[JsonConverter(typeof(IsoPeriodJsonConverter))]
public sealed partial record IsoPeriod(int Years, int Months, int Days)
{
    [GeneratedRegex(@"^P(?:(?<y>\d{1,4})Y)?(?:(?<m>\d{1,4})M)?(?:(?<w>\d{1,4})W)?(?:(?<d>\d{1,5})D)?$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out IsoPeriod period)
    {
        period = new IsoPeriod(0, 0, 0);
        if (string.IsNullOrEmpty(text) || text == "P") return false;
        var match = Pattern().Match(text);
        if (!match.Success) return false;

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value) : 0;
        period = new IsoPeriod(Part("y"), Part("m"), Part("w") * 7 + Part("d"));
        return period.Years + period.Months + period.Days > 0;
    }

    public static IsoPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not an ISO-8601 period such as P6M or P10Y.");

    /// <summary>The day this period after <paramref name="date"/>; null past the last day a date can have.</summary>
    public DateOnly? TryAddTo(DateOnly date)
    {
        try
        {
            return date.AddYears(Years).AddMonths(Months).AddDays(Days);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public override string ToString() =>
        "P" + (Years > 0 ? $"{Years}Y" : "") + (Months > 0 ? $"{Months}M" : "") + (Days > 0 ? $"{Days}D" : "");
}

public sealed class IsoPeriodJsonConverter : JsonConverter<IsoPeriod>
{
    public override IsoPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IsoPeriod.TryParse(reader.GetString(), out var period)
            ? period
            : throw new JsonException("Expected an ISO-8601 period such as P6M, P3M, P150D or P10Y.");

    public override void Write(Utf8JsonWriter writer, IsoPeriod value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

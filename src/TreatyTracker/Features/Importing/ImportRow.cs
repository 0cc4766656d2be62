using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TreatyTracker.Exchange;
using TreatyTracker.Http;
using TreatyTracker.Treaties.Decisions;

namespace TreatyTracker.Features.Importing;

/// <summary>
/// One row of an import: an event of the catalogue for <c>Treaty</c>, or, with type <c>treaty-registered</c>, the
/// registration of a new treaty with its terms. The exchange format (<see cref="ExchangeColumns"/>) names the fields.
/// </summary>
public sealed record ImportRow : RecordEventRequest
{
    /// <summary>The event id to keep (optional): an export carries it, so that retractions still point at their target.</summary>
    public Guid? Id { get; init; }
    public string? Treaty { get; init; }

    /// <summary>Fields that are not an event's: on a registration row, the treaty's terms; anywhere else, a mistake.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherFields { get; init; }

    [JsonIgnore] public bool Registers => Type == ExchangeColumns.Registration;

    /// <summary>The registration this row asks for, or what is wrong with the row as one.</summary>
    public (RegisterTreatyRequest? Request, FieldErrors Errors) ToRegistration()
    {
        var errors = new FieldErrors();
        if (Id is not null) errors.Add("id", "a registration row has no event id");
        var eventFields = EventRequestMapping.SpecificFields(this).Where(f => f.Field != "kind")
            .Concat([("on", On is not null), ("summary", Summary is not null), ("certainty", Certainty is not null), ("otherSources", OtherSources is not null), ("links", Links is not null)]);
        foreach (var (field, present) in eventFields)
            if (present) errors.Add(field, $"does not apply to a '{ExchangeColumns.Registration}' row");
        foreach (var field in (OtherFields?.Keys.AsEnumerable() ?? []).Where(f => !ExchangeColumns.TermsFields.Contains(f)))
            errors.Add(field, "is not a field of an import row");
        if (errors.Any) return (null, errors);

        var terms = new JsonObject { ["id"] = Treaty, ["kind"] = Kind };
        foreach (var (field, value) in OtherFields ?? []) terms[field] = JsonNode.Parse(value.GetRawText());
        if (Source is not null) terms["source"] = JsonSerializer.SerializeToNode(Source, ApiJson.Options);
        try
        {
            return (terms.Deserialize<RegisterTreatyRequest>(ApiJson.Options), errors);
        }
        catch (JsonException e)
        {
            errors.Add(e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "row", "has a value of the wrong kind");
            return (null, errors);
        }
    }

    /// <summary>Fields that do not belong on an event row are refused rather than silently dropped.</summary>
    public IReadOnlyDictionary<string, string[]> MisplacedOnAnEventRow() =>
        (OtherFields?.Keys.AsEnumerable() ?? []).Select(field => (Field: field, Message: ExchangeColumns.TermsFields.Contains(field)
                ? $"only applies to a '{ExchangeColumns.Registration}' row"
                : "is not a field of an import row"))
            .Concat(Version is null ? [] : new[] { (Field: "version", Message: "does not apply to an import row") })
            .ToDictionary(f => f.Field, f => new[] { f.Message });
}

using System.Text.Json.Serialization;
using TreatyTracker.Treaties;

namespace TreatyTracker.Features.Links;

/// <summary>A relation as the asking treaty reads it: "answers" from the treaty whose fact states it, "answered-by" from the other.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LinkReading>))]
public enum LinkReading
{
    [JsonStringEnumMemberName("answers")] Answers,
    [JsonStringEnumMemberName("answered-by")] AnsweredBy,
    [JsonStringEnumMemberName("replaces")] Replaces,
    [JsonStringEnumMemberName("replaced-by")] ReplacedBy,
    [JsonStringEnumMemberName("amends")] Amends,
    [JsonStringEnumMemberName("amended-by")] AmendedBy,
    [JsonStringEnumMemberName("superseded-by")] SupersededBy,
    [JsonStringEnumMemberName("supersedes")] Supersedes
}

/// <param name="Relation">How the asking treaty stands to <paramref name="Treaty"/>.</param>
/// <param name="StatedBy">The treaty whose record states it, with the fact (<paramref name="EventId"/>) and its day.</param>
/// <param name="ShortName">The other treaty's short name, when it is registered.</param>
public sealed record TreatyLinkResponse(LinkReading Relation, string Treaty, string? ShortName, DateOnly On, string StatedBy, Guid EventId)
{
    public static TreatyLinkResponse From(TreatyLinkRow row, string asking, IReadOnlyDictionary<string, string> shortNames)
    {
        var outbound = row.FromTreaty == asking;
        var other = outbound ? row.ToTreaty : row.FromTreaty;
        return new TreatyLinkResponse(Reading(row.Relation, outbound), other, shortNames.GetValueOrDefault(other), row.On, row.FromTreaty, row.EventId);
    }

    private static LinkReading Reading(LinkRelation relation, bool outbound) => (relation, outbound) switch
    {
        (LinkRelation.Answers, true) => LinkReading.Answers,
        (LinkRelation.Answers, false) => LinkReading.AnsweredBy,
        (LinkRelation.Replaces, true) => LinkReading.Replaces,
        (LinkRelation.Replaces, false) => LinkReading.ReplacedBy,
        (LinkRelation.Amends, true) => LinkReading.Amends,
        (LinkRelation.Amends, false) => LinkReading.AmendedBy,
        (LinkRelation.SupersededBy, true) => LinkReading.SupersededBy,
        _ => LinkReading.Supersedes
    };
}

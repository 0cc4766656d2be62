namespace TreatyTracker.Treaties.Decisions;

/// <summary>A fact's relation to another treaty as a request spells it; see <see cref="LinkMapping"/>.</summary>
public sealed record LinkRequest(string? Relation, string? Treaty);

public static class LinkMapping
{
    public const int MaxLinks = 20;

    /// <summary>The relations a request may state; superseded-by is stated by a superseded event itself.</summary>
    private static readonly Dictionary<string, LinkRelation> Relations = new()
    {
        ["answers"] = LinkRelation.Answers, ["replaces"] = LinkRelation.Replaces, ["amends"] = LinkRelation.Amends
    };

    /// <summary>An event's links; null when there are none.</summary>
    public static IReadOnlyList<TreatyLink>? ToLinks(IReadOnlyList<LinkRequest?>? links, Treaty treaty, FieldErrors errors)
    {
        if (links is null || links.Count == 0) return null;
        if (links.Count > MaxLinks) errors.Add("links", $"lists more than {MaxLinks} links");
        var result = new List<TreatyLink>();
        for (var i = 0; i < links.Count; i++)
        {
            var field = $"links[{i}]";
            if (links[i] is not { } link)
            {
                errors.Add(field, "must be a link {relation, treaty}");
                continue;
            }
            LinkRelation relation = default;
            if (link.Relation is null || !Relations.TryGetValue(link.Relation, out relation))
                errors.Add($"{field}.relation", $"{(link.Relation is null ? "is required" : $"'{link.Relation}' is not a relation")}; one of: {string.Join(", ", Relations.Keys)}");
            var other = errors.Name($"{field}.treaty", link.Treaty);
            if (other.Length > 0 && !RegisterTreaty.IsTreatyId(other)) errors.Add($"{field}.treaty", $"is the id of the other treaty, and {RegisterTreaty.TreatyIdRule}");
            else if (other == treaty.Id) errors.Add($"{field}.treaty", "names this treaty itself");
            result.Add(new TreatyLink(relation, other));
        }
        if (result.Distinct().Count() != result.Count) errors.Add("links", "states the same link twice");
        return result;
    }
}

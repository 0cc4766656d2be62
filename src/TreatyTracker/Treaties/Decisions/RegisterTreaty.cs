using System.Text.RegularExpressions;

namespace TreatyTracker.Treaties.Decisions;

/// <summary>A treaty as a request registers it: its id and its terms, spelled as JSON spells them.</summary>
public sealed record RegisterTreatyRequest(
    string? Id,
    string? Name,
    string? ShortName,
    TreatyKind? Kind,
    string? WithdrawalNoticePeriod,
    string? Term,
    CitationRequest? Source);

public static partial class RegisterTreaty
{
    public const string Refused = "The treaty cannot be registered";

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex TreatyIdPattern();

    public const string TreatyIdRule = "must be 1-64 lower-case letters, digits and inner hyphens, such as 'new-start'";

    public static bool IsTreatyId(string? id) => id is not null && TreatyIdPattern().IsMatch(id);

    /// <summary>The registration the request asks for; whether the id is taken is for the store to say.</summary>
    public static Decision Decide(RegisterTreatyRequest request, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Id)) errors.Add("id", "is required");
        else if (!IsTreatyId(request.Id)) errors.Add("id", TreatyIdRule);
        var name = errors.Text("name", request.Name, required: true, maxLength: 300);
        var shortName = errors.Text("shortName", request.ShortName, required: true, maxLength: 50);
        if (request.Kind is null) errors.Add("kind", "is required: bilateral or multilateral");
        var notice = Period("withdrawalNoticePeriod", request.WithdrawalNoticePeriod, errors);
        var term = Period("term", request.Term, errors);
        var source = CitationMapping.ToCitation(request.Source, errors);

        if (errors.Any) return Decision.Refused(null, Refusal.Of(Refused, errors));
        return Decision.Registering(new TreatyRegistered
        {
            TreatyId = request.Id!, Name = name!, ShortName = shortName!, Kind = request.Kind!.Value,
            WithdrawalNoticePeriod = notice, Term = term, Source = source
        }, now);
    }

    private static IsoPeriod? Period(string field, string? text, FieldErrors errors)
    {
        if (text is null) return null;
        if (IsoPeriod.TryParse(text, out var period)) return period;
        errors.Add(field, $"'{text}' is not an ISO-8601 period such as P6M, P3M, P150D or P10Y");
        return null;
    }
}

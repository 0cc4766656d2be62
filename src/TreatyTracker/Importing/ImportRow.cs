using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Recording;
using TreatyTracker.Treaties.Registering;

namespace TreatyTracker.Importing;

/// <summary>
/// One row of an import: an event of the catalogue for <c>Treaty</c>, or — with type <c>treaty-registered</c> —
/// the registration of a new treaty. In CSV, lists are separated by ';' and the source is spread over
/// <c>sourceTitle</c>, <c>sourceUrl</c> and <c>sourcePublishedOn</c>.
/// </summary>
public sealed record ImportRow
{
    public const string Registration = "treaty-registered";

    /// <summary>The event id to keep (optional): an export carries it, so that retractions still point at their target.</summary>
    public Guid? Id { get; init; }
    public string? Treaty { get; init; }
    public string? Type { get; init; }
    public DateOnly? On { get; init; }
    public string? Summary { get; init; }
    public CitationRequest? Source { get; init; }
    public IReadOnlyList<string>? Parties { get; init; }
    public string? Party { get; init; }
    public IReadOnlyList<string>? Toward { get; init; }
    public string? Accuser { get; init; }
    public string? Accused { get; init; }
    public DateOnly? EffectiveOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public string? By { get; init; }
    public Guid? EventId { get; init; }
    public string? Reason { get; init; }
    public string? Name { get; init; }
    public string? ShortName { get; init; }
    public TreatyKind? Kind { get; init; }
    public string? WithdrawalNoticePeriod { get; init; }
    public string? Term { get; init; }

    public RegisterTreatyRequest ToRegistration() => new(Treaty, Name, ShortName, Kind, WithdrawalNoticePeriod, Term, Source);

    public RecordEventRequest ToEvent() => new()
    {
        Type = Type, On = On, Summary = Summary, Source = Source, Parties = Parties, Party = Party, Toward = Toward,
        Accuser = Accuser, Accused = Accused, EffectiveOn = EffectiveOn, ExpiresOn = ExpiresOn, By = By, EventId = EventId, Reason = Reason
    };

    /// <summary>Registration fields on an event row are refused rather than silently dropped.</summary>
    public IEnumerable<string> RegistrationFieldsPresent() =>
        new (string Field, bool Present)[]
        {
            ("name", Name is not null), ("shortName", ShortName is not null), ("kind", Kind is not null),
            ("withdrawalNoticePeriod", WithdrawalNoticePeriod is not null), ("term", Term is not null)
        }.Where(f => f.Present).Select(f => f.Field);
}

using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Recording;
using TreatyTracker.Treaties.Registering;

namespace TreatyTracker.Importing;

/// <summary>
/// One row of an import: an event of the catalogue for <c>Treaty</c>, or — with type <c>treaty-registered</c> —
/// the registration of a new treaty. In CSV, lists are separated by ';' and the source is spread over
/// <c>sourceTitle</c>, <c>sourceUrl</c> and <c>sourcePublishedOn</c>.
/// </summary>
public sealed record ImportRow : RecordEventRequest
{
    public const string Registration = "treaty-registered";

    /// <summary>The event id to keep (optional): an export carries it, so that retractions still point at their target.</summary>
    public Guid? Id { get; init; }
    public string? Treaty { get; init; }
    public string? Name { get; init; }
    public string? ShortName { get; init; }
    public TreatyKind? Kind { get; init; }
    public string? WithdrawalNoticePeriod { get; init; }
    public string? Term { get; init; }

    public RegisterTreatyRequest ToRegistration() => new(Treaty, Name, ShortName, Kind, WithdrawalNoticePeriod, Term, Source);

    /// <summary>Fields that do not belong on an event row are refused rather than silently dropped.</summary>
    public IEnumerable<string> FieldsMisplacedOnAnEventRow() =>
        new (string Field, bool Present)[]
        {
            ("name", Name is not null), ("shortName", ShortName is not null), ("kind", Kind is not null),
            ("withdrawalNoticePeriod", WithdrawalNoticePeriod is not null), ("term", Term is not null),
            ("version", Version is not null)
        }.Where(f => f.Present).Select(f => f.Field);
}

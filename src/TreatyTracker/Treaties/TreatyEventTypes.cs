using System.Reflection;
using System.Text.Json.Serialization;
using JasperFx.Events;

namespace TreatyTracker.Treaties;

/// <summary>The public names of the event catalogue ("signed", "withdrawal-notice-given" …), read from <see cref="TreatyEvent"/>'s JSON attributes.</summary>
public static class TreatyEventTypes
{
    private static readonly IReadOnlyDictionary<Type, string> NamesByType = typeof(TreatyEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    public static IReadOnlyCollection<string> Names { get; } = NamesByType.Values.ToList();

    public static string NameOf(TreatyEvent fact) => NamesByType[fact.GetType()];

    /// <summary>Wraps a fact for Marten with an id chosen here, so the id can be answered before the save.</summary>
    public static IEvent ToMartenEvent(TreatyEvent fact, Guid eventId)
    {
        var wrapped = EventWrapping.For(fact.GetType())(fact);
        wrapped.Id = eventId;
        return wrapped;
    }
}

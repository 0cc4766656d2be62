using System.Collections.Concurrent;
using System.Linq.Expressions;
using JasperFx.Events;

namespace TreatyTracker.Store;

/// <summary>
/// Wraps event data in Marten's <c>Event&lt;T&gt;</c> of the data's own type (Marten keys an event's type on T),
/// through a constructor compiled once per type: reflection, or a shared generic method, costs more than the
/// fold of the event it wraps.
/// </summary>
public static class EventWrapping
{
    private static readonly ConcurrentDictionary<Type, Func<object, IEvent>> Wrappers = new();

    public static Func<object, IEvent> For(Type type) => Wrappers.GetOrAdd(type, Compile);

    private static Func<object, IEvent> Compile(Type type)
    {
        var data = Expression.Parameter(typeof(object));
        return Expression.Lambda<Func<object, IEvent>>(
            Expression.New(typeof(Event<>).MakeGenericType(type).GetConstructor([type])!, Expression.Convert(data, type)), data).Compile();
    }
}

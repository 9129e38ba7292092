using System.Reflection;
using Marten.Events;

namespace Marketplace.BuildingBlocks;

/// <summary>A fact a module records in its event store. Its stored name comes from <see cref="EventNameAttribute"/>.</summary>
public interface IDomainEvent;

/// <summary>
/// The stable stored name of a domain event, "{module}.{snake_case}": renaming the class never changes
/// what is in the database. An architecture test checks that every domain event has one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

public static class DomainEvents
{
    /// <summary>Registers every domain event of the module's assembly under its stable name.</summary>
    public static void MapDomainEvents(this IEventStoreOptions events, Assembly module)
    {
        foreach (var type in module.GetTypes().Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }))
        {
            var name = type.GetCustomAttribute<EventNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"{type.FullName} needs an [EventName(\"module.snake_name\")].");
            events.MapEventType(type, name);
        }
    }
}

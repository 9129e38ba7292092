using System.Reflection;
using Marketplace.BuildingBlocks;

namespace Marketplace.ArchitectureTests;

/// <summary>Every domain event is stored under a stable "{module}.{snake_case}" name, unique in the platform.</summary>
public sealed class EventNameTests
{
    private static IEnumerable<(string Module, Type Event)> DomainEvents() =>
        from module in ModuleBoundaryTests.Modules
        from type in Assembly.Load($"Marketplace.{module}").GetTypes()
        where typeof(IDomainEvent).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false }
        select (module, type);

    [Fact]
    public void Every_domain_event_has_a_stable_name_prefixed_by_its_module() =>
        DomainEvents().Where(e => e.Event.GetCustomAttribute<EventNameAttribute>()?.Name is not { } name
                || !System.Text.RegularExpressions.Regex.IsMatch(name, $"^{e.Module.ToLowerInvariant()}\\.[a-z][a-z0-9_]*$"))
            .Select(e => e.Event.FullName).Should().BeEmpty();

    [Fact]
    public void Event_names_are_unique() =>
        DomainEvents().GroupBy(e => e.Event.GetCustomAttribute<EventNameAttribute>()?.Name).Where(g => g.Count() > 1)
            .Select(g => g.Key).Should().BeEmpty();
}

using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.BuildingBlocks;

public static class MediatorRegistration
{
    /// <summary>
    /// MediatR 5.1 has no DI package: register the mediator, the validation behaviour, and every closed
    /// request and notification handler of the given module assemblies. Call it once, with every assembly:
    /// notification handlers are added, so a second scan would deliver each notification twice.
    /// </summary>
    public static IServiceCollection AddMarketplaceMediator(this IServiceCollection services, params Assembly[] modules)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        // Singletons: a validator builds its rules (expression trees, property names) when constructed, which cost more than
        // validating on the shop's hot paths; validators depend only on singletons (TimeProvider, calendars).
        services.AddValidatorsFromAssemblies(modules, ServiceLifetime.Singleton, includeInternalTypes: true);
        Type[] open = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];
        foreach (var type in modules.Distinct().SelectMany(a => a.DefinedTypes)
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
            foreach (var service in type.ImplementedInterfaces
                         .Where(i => i.IsGenericType && open.Contains(i.GetGenericTypeDefinition())))
                services.AddTransient(service, type);
        return services;
    }
}

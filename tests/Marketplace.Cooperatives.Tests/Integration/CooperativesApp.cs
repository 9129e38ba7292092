using System.Collections.Concurrent;
using Marketplace.Cooperatives.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Cooperatives.Tests.Integration;

/// <summary>The platform, with a receiver that records the integration events Cooperatives publishes.</summary>
public sealed class CooperativesApp : MarketplaceApp
{
    public ReceivedEvents Received => Services.GetRequiredService<ReceivedEvents>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ReceivedEvents>();
        services.AddTransient<INotificationHandler<CooperativeVerifiedIntegrationEvent>, Recorder>();
        services.AddTransient<INotificationHandler<CooperativeSuspendedIntegrationEvent>, Recorder>();
        services.AddTransient<INotificationHandler<CooperativeReinstatedIntegrationEvent>, Recorder>();
        services.AddTransient<INotificationHandler<PayoutAccountChangedIntegrationEvent>, Recorder>();
    }

    /// <summary>Sends a request through the platform's mediator, as another module would.</summary>
    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}

public sealed class ReceivedEvents
{
    public ConcurrentQueue<INotification> All { get; } = new();
    public IReadOnlyList<T> Of<T>() => All.OfType<T>().ToList();
}

internal sealed class Recorder(ReceivedEvents received) :
    INotificationHandler<CooperativeVerifiedIntegrationEvent>,
    INotificationHandler<CooperativeSuspendedIntegrationEvent>,
    INotificationHandler<CooperativeReinstatedIntegrationEvent>,
    INotificationHandler<PayoutAccountChangedIntegrationEvent>
{
    public Task Handle(CooperativeVerifiedIntegrationEvent e, CancellationToken ct) => Record(e);
    public Task Handle(CooperativeSuspendedIntegrationEvent e, CancellationToken ct) => Record(e);
    public Task Handle(CooperativeReinstatedIntegrationEvent e, CancellationToken ct) => Record(e);
    public Task Handle(PayoutAccountChangedIntegrationEvent e, CancellationToken ct) => Record(e);

    private Task Record(INotification e)
    {
        received.All.Enqueue(e);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class CooperativesCollection : ICollectionFixture<CooperativesApp>
{
    public const string Name = "cooperatives";
}

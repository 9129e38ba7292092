using Marketplace.Catalogue.Domain;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>
/// The platform on a fresh database, with uploads in a temporary folder and stock reservations that expire after
/// 3 seconds (only the expiry test runs the expiry job; tests of one collection run one after the other).
/// </summary>
public sealed class CatalogueApp : MarketplaceApp, IAsyncLifetime
{
    public static readonly TimeSpan ReservationTimeout = TimeSpan.FromSeconds(3);
    private readonly bool jobsServer;
    public string FilesFolder { get; } = Path.Combine(Path.GetTempPath(), $"mp-catalogue-{Guid.NewGuid():N}");

    public CatalogueApp() { }

    /// <summary>With a Hangfire server, for the test that the recurring job really runs.</summary>
    internal CatalogueApp(bool jobsServer) => this.jobsServer = jobsServer;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Marketplace:Storage:Path"] = FilesFolder;
        settings["Marketplace:Catalogue:ReservationTimeout"] = ReservationTimeout.ToString();
        if (jobsServer) settings["Marketplace:Jobs:Server"] = "true";
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(FilesFolder)) Directory.Delete(FilesFolder, recursive: true);
    }

    internal ICatalogueStore Store => Services.GetRequiredService<ICatalogueStore>();

    /// <summary>Sends a request through the module's pipeline (validation included), as another module would.</summary>
    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task PublishAsync(INotification notification)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(notification);
    }

    /// <summary>The Hangfire job, called as Hangfire would (test hosts run no Hangfire server).</summary>
    public async Task<int> RunExpiryJobAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Stock.ReleaseExpiredReservationsJob>().RunAsync(CancellationToken.None);
    }

    internal async Task<Product> ProductAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<Product>(id))!;
    }

    internal async Task<Reservation?> ReservationAsync(Guid orderId)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<Reservation>(orderId);
    }
}

[CollectionDefinition(Name)]
public sealed class CatalogueCollection : ICollectionFixture<CatalogueApp>
{
    public const string Name = "catalogue";
}

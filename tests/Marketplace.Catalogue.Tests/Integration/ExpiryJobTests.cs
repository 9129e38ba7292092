using Hangfire;
using Marketplace.Catalogue.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>
/// The expiry job as deployed: registered as a recurring Hangfire job at start, run by a Hangfire server. In the
/// collection so that no other host starts meanwhile: Hangfire's DI resolves its storage through the process-wide
/// JobStorage.Current, which a host starting at the same moment would point at its own database.
/// </summary>
[Collection(CatalogueCollection.Name)]
public sealed class ExpiryJobTests
{
    [Fact]
    public async Task The_recurring_expiry_job_is_registered_at_start_and_releases_expired_reservations_under_Hangfire()
    {
        var app = new CatalogueApp(jobsServer: true);
        await app.InitializeAsync();
        try { await ReleasedByHangfireAsync(app); }
        finally { await app.DisposeAsync(); }
    }

    private static async Task ReleasedByHangfireAsync(CatalogueApp app)
    {
        var product = await app.PublishedAsync(onHand: 4);
        (await app.SendAsync(new ReserveStock(Guid.CreateVersion7(), [new StockLine(product.Id, 3)]))).Succeeded.Should().BeTrue();
        await Task.Delay(CatalogueApp.ReservationTimeout + TimeSpan.FromMilliseconds(300));

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("catalogue.release-expired-reservations");

        await Poll.UntilAsync(async () => (await app.ProductAsync(product.Id)).Available, available => available == 4,
            what: "Hangfire to run the expiry job");
    }
}

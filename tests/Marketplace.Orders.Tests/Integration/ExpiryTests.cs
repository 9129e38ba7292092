using Hangfire;
using Hangfire.Storage;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Expiry;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Orders.Tests.Integration;

[Collection(OrdersCollection.Name)]
public sealed class ExpiryTests(OrdersApp app)
{
    /// <summary>Runs the Hangfire job as its server would, with the clock <paramref name="ahead"/> of now.</summary>
    private async Task<int> RunExpiryAsync(TimeSpan ahead)
    {
        using var scope = app.Services.CreateScope();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow + ahead);
        var job = new ExpireUnpaidOrdersJob(scope.ServiceProvider.GetRequiredService<IMediator>(), clock);
        return await job.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Given_an_unpaid_card_order_When_30_minutes_pass_Then_the_job_cancels_it_and_its_stock_is_released()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 80m, stock: 4);
        var shopper = await app.NewShopperAsync();
        var order = await shopper.Client.PlaceAsync(Shop.Cart("card", (oil, 3)));
        var paid = await shopper.Client.PlaceAsync(Shop.Cart("card", (oil, 1)));
        var secret = paid["payment"]!.Str("clientSecret");
        await (await app.Stripe.Succeed(secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)]).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        (await app.Market.AvailableAsync(oil.Id)).Should().Be(0);

        await RunExpiryAsync(TimeSpan.FromMinutes(29));
        (await shopper.Client.OrderAsync(order.Id())).Str("status").Should().Be("pending_payment");

        (await RunExpiryAsync(TimeSpan.FromMinutes(31))).Should().BeGreaterThanOrEqualTo(1);

        var expired = await shopper.Client.OrderAsync(order.Id());
        expired.Str("status").Should().Be("cancelled");
        expired["payment"]!.Str("status").Should().Be("cancelled");
        (await shopper.Client.OrderAsync(paid.Id())).Str("status").Should().Be("paid");
        var intent = order["payment"]!.Str("clientSecret").Split("_secret_")[0];
        app.Stripe.PaymentIntents[intent]["status"]!.GetValue<string>().Should().Be("canceled", "it can no longer be paid");
        (await app.Events.WaitForAsync<SubOrdersCancelledIntegrationEvent>(e => e.OrderId == order.Id())).Single().Reason.Should().Be("payment_expired");
        await Poll.UntilAsync(() => app.Market.AvailableAsync(oil.Id), n => n == 3, what: "the reserved stock released");
        (await RunExpiryAsync(TimeSpan.FromMinutes(40))).Should().Be(0, "nothing is left to expire");
    }

    [Fact]
    public void The_expiry_and_refunds_jobs_are_registered_with_hangfire_every_minute()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();
        jobs.Should().ContainSingle(j => j.Id == ExpireUnpaidOrdersJob.Id).Which.Cron.Should().Be("* * * * *");
        jobs.Should().ContainSingle(j => j.Id == Payments.IssueDueRefundsJob.Id).Which.Cron.Should().Be("* * * * *");
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ExpireUnpaidOrdersJob>().Should().NotBeNull();
        scope.ServiceProvider.GetRequiredService<Payments.IssueDueRefundsJob>().Should().NotBeNull();
    }
}

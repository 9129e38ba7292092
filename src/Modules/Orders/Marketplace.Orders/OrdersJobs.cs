using Hangfire;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Expiry;
using Marketplace.Orders.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.Orders;

/// <summary>Registers the recurring jobs at start (Hangfire's storage is shared: every node registers the same id).</summary>
internal sealed class OrdersJobsStartup(IServiceProvider services, IOptions<OrdersOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        var jobs = services.GetService<IRecurringJobManager>();
        jobs?.AddOrUpdate<ExpireUnpaidOrdersJob>(ExpireUnpaidOrdersJob.Id, job => job.RunAsync(CancellationToken.None), options.Value.ExpiryCron);
        jobs?.AddOrUpdate<IssueDueRefundsJob>(IssueDueRefundsJob.Id, job => job.RunAsync(CancellationToken.None), options.Value.RefundRetryCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payouts.Tests.Integration;

[Collection(PayoutsCollection.Name)]
public sealed class JobActivatorTests(PayoutsApp app)
{
    /// <summary>Hangfire's default activator is global to the process: a Stripe transfer job would run against another Host's database.</summary>
    [Fact]
    public async Task Given_another_host_started_later_in_the_process_When_a_job_is_activated_Then_it_comes_from_this_hosts_container()
    {
        await using var later = new PayoutsApp(app.Database, app.Stripe);
        await later.InitializeAsync();

        using var scope = app.Services.GetRequiredService<JobActivator>().BeginScope((JobActivatorContext)null!);

        scope.Resolve(typeof(TimeProvider)).Should().BeSameAs(app.Clock);
    }

    /// <summary>Hangfire's log provider is global to the process too: a Host that stopped must not break the others' job clients.</summary>
    [Fact]
    public async Task Given_another_host_that_started_later_and_stopped_When_this_host_enqueues_a_job_Then_it_is_enqueued()
    {
        await using (var later = new PayoutsApp(app.Database, app.Stripe))
        {
            await later.InitializeAsync();
            later.Services.GetRequiredService<IBackgroundJobClient>().Should().NotBeNull();  // Hangfire configured by the later Host
        }

        var client = new BackgroundJobClient(app.Services.GetRequiredService<JobStorage>()); // as a handler's first job client is made
        client.Schedule<TimeProvider>(t => t.GetUtcNow(), TimeSpan.FromDays(365)).Should().NotBeNullOrEmpty();
    }
}

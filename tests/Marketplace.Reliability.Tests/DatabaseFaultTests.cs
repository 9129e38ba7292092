using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Reliability.Tests.Harness;

namespace Marketplace.Reliability.Tests;

/// <summary>PostgreSQL restarted under load: refusals are 503 problem details, the Host recovers by itself, nothing acknowledged is lost.</summary>
public sealed class DatabaseFaultTests : IAsyncLifetime
{
    private PrivatePostgres postgres = null!;
    private HostProcess host = null!;

    public async Task InitializeAsync()
    {
        postgres = await PrivatePostgres.StartAsync();
        host = new HostProcess(postgres.ConnectionString());
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await postgres.DisposeAsync();
    }

    [Fact]
    public async Task Given_load_When_postgresql_restarts_Then_refusals_are_503_problems_and_every_acknowledged_write_survives()
    {
        var answers = new ConcurrentQueue<(int Status, string? ContentType)>();
        var acknowledged = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            using var client = host.Client();
            while (!stop.IsCancellationRequested)
            {
                var email = $"load-{worker}-{Guid.NewGuid():N}@test.ma";
                var response = await client.PostAsJsonAsync("/api/accounts/register", new { email, password = "password-123", displayName = "Load" });
                answers.Enqueue(((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType));
                if ((int)response.StatusCode == 201) acknowledged.Add(email);
                await Task.Delay(20);
            }
        })).ToList();

        await Task.Delay(1500);
        await postgres.StopAsync();
        await Task.Delay(3000);
        var beforeRestart = answers.Count;
        await postgres.StartAgainAsync();
        using (var probe = host.Client())
            await Poll.UntilAsync(async () => (int)(await probe.GetAsync("/health/ready")).StatusCode, s => s == 200,
                TimeSpan.FromSeconds(60), "the Host to be ready again");
        await Poll.UntilAsync(() => Task.FromResult(answers.TakeLast(8).ToList()), last => last.Count == 8 && last.All(a => a.Status == 201),
            TimeSpan.FromSeconds(30), "writes to succeed again");
        stop.Cancel();
        await Task.WhenAll(load);

        answers.Should().Contain(a => a.Status == 503, "requests during the outage are refused as unavailable");
        answers.Where(a => a.Status != 201).Should().OnlyContain(a => a.Status == 503 && a.ContentType == "application/problem+json");
        answers.Count.Should().BeGreaterThan(beforeRestart, "the Host answers again after the restart");
        using var client = host.Client();
        foreach (var email in acknowledged.Take(200))
            ((int)(await client.PostAsJsonAsync("/api/accounts/login", new { email, password = "password-123" })).StatusCode)
                .Should().Be(200, $"{email} was acknowledged with 201 and must exist");
    }
}

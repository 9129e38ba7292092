using HealthChecks.NpgSql;
using Marketplace.BuildingBlocks;
using Marten;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Npgsql;
using Scalar.AspNetCore;

namespace Marketplace.Host.Infrastructure;

/// <summary>Health, the OpenAPI document and its reference page, and the outbox's dead letters for administrators.</summary>
internal static class Operations
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddOpenApi();
        services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration("postgresql",
            sp => new NpgSqlHealthCheck(new NpgSqlHealthCheckOptions(sp.GetRequiredService<NpgsqlDataSource>())),
            failureStatus: null, tags: ["ready"], timeout: TimeSpan.FromSeconds(5)));
        return services;
    }

    public static void MapOperations(this WebApplication app, params Type[] moduleStores)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Souss-Massa cooperative marketplace API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();

        app.MapGet("/api/admin/outbox/dead-letters", async (IServiceProvider services, CancellationToken ct) =>
            {
                var letters = new List<OutboxDeadLetter>();
                foreach (var storeType in moduleStores)
                {
                    await using var session = ((IDocumentStore)services.GetRequiredService(storeType)).QuerySession();
                    letters.AddRange(await session.Query<OutboxDeadLetter>().OrderByDescending(d => d.At).Take(100).ToListAsync(ct));
                }
                return TypedResults.Ok(letters.OrderByDescending(l => l.At).ToList());
            })
            .RequireAuthorization(Identity.Policies.Admin)
            .WithTags("Operations")
            .WithSummary("Integration events that could not be delivered (outbox dead letters)");
    }
}

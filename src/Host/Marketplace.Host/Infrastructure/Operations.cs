using HealthChecks.NpgSql;
using Marketplace.BuildingBlocks;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Npgsql;
using Scalar.AspNetCore;

namespace Marketplace.Host.Infrastructure;

/// <summary>Health, the OpenAPI document and its reference page, and the outboxes' undelivered events for administrators.</summary>
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

    public static void MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Souss-Massa cooperative marketplace API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();

        var outbox = app.MapGroup("/api/admin/outbox").RequireAuthorization(Identity.Policies.Admin).WithTags("Operations");
        outbox.MapGet("/undelivered", async (OutboxAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(new { items = await admin.ListAsync(ct) }))
            .WithSummary("Integration events a receiver has not taken: parked (waiting for a replay), retrying, or waiting behind one of them");
        outbox.MapPost("/undelivered/{id}/replay", async (string id, OutboxAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.ReplayAsync(id, ct)))
            .WithSummary("Deliver a parked event to its receiver again, now");
        outbox.MapPost("/undelivered/replay", async (OutboxAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(new { replayed = await admin.ReplayAllAsync(ct) }))
            .WithSummary("Deliver every parked event again, now");
    }
}

using Marketplace.BuildingBlocks;
using Marketplace.Programme.Fairs;
using Marketplace.Programme.Figures;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Projections = JasperFx.Events.Projections;

namespace Marketplace.Programme;

/// <summary>The Programme module's own Marten store (schema "programme"): the fairs and their exhibitors.</summary>
public interface IProgrammeStore : IDocumentStore;

/// <summary>
/// The regional programme's side of the platform: the fairs whose exhibitors it brings on board (lists, invitations,
/// QR codes for the stands) and its impact, computed from the other modules' records.
/// </summary>
public static class ProgrammeModule
{
    public static IServiceCollection AddProgrammeModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<IProgrammeStore>(config, "programme", lockOffset: 10, o =>
        {
            o.Events.MapDomainEvents(typeof(ProgrammeModule).Assembly);
            o.Projections.Snapshot<Fair>(Projections.SnapshotLifecycle.Inline);
        }).AddIntegrationOutbox<IProgrammeStore, ProgrammeOutbox>(services, config, ProgrammeOutbox.OutboxName);
        return services;
    }

    public static IEndpointRouteBuilder MapProgrammeModule(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/impact", async (string? from, string? to, string? format, HttpContext http, IMediator mediator, TimeProvider clock,
                CancellationToken ct) =>
            {
                var impact = await ImpactAsync(from, to, http, mediator, clock, ct);
                return format == "csv" || http.Request.Headers.Accept.ToString().Contains("text/csv") ? Csv(impact) : TypedResults.Ok(impact);
            })
            .WithTags("Programme").WithSummary("The programme's impact for a period: sales by province, category and month, cooperatives selling, " +
                "women-led share, members paid and amounts paid to members, payouts made (anyone); CSV with ?format=csv or Accept: text/csv");
        app.MapGet("/api/impact.csv", async (string? from, string? to, HttpContext http, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
                Csv(await ImpactAsync(from, to, http, mediator, clock, ct)))
            .WithTags("Programme").WithSummary("The programme's impact for a period, as CSV (anyone)");
        FairEndpoints.MapPublic(app);
        var admin = app.MapGroup("/api/admin").WithTags("Fairs").RequireAuthorization(Identity.Policies.Admin);
        CreateFairEndpoint.Map(admin);
        ImportExhibitorsEndpoint.Map(admin);
        LinkExhibitorEndpoint.Map(admin);
        FairEndpoints.MapAdmin(admin);
        return app;
    }

    private static async Task<Impact> ImpactAsync(string? from, string? to, HttpContext http, IMediator mediator, TimeProvider clock,
        CancellationToken ct)
    {
        var today = MoroccoTime.Today(clock);
        var f = from is null ? new DateOnly(today.Year, today.Month, 1).AddMonths(-11) : Day(from, "from");
        var t = to is null ? today : Day(to, "to");
        return await mediator.Send(new GetImpact(f, t, Language.Of(http)), ct);
    }

    private static IResult Csv(Impact impact) =>
        TypedResults.File(ImpactCsv.Write(impact), "text/csv; charset=utf-8", $"impact-{impact.From:yyyyMMdd}-{impact.To:yyyyMMdd}.csv");

    private static DateOnly Day(string value, string field) =>
        IsoDay.Parse(value) ?? throw new ValidationFailed(field, $"{field} is a date: yyyy-MM-dd.");
}

using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Economy.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Economy.Features;

internal sealed class HoldAssemblyValidator : AbstractValidator<HoldAssembly>
{
    public HoldAssemblyValidator()
    {
        RuleFor(x => x.Date).NotEmpty().Must(d => Inputs.Day(d) is not null).WithMessage("date is a date: yyyy-MM-dd.");
        RuleFor(x => x.Kind).Must(k => k is not null && AssemblyKinds.All.Contains(k)).WithMessage("kind is ordinary or extraordinary.");
        RuleFor(x => x.Present).Must(p => p is null || p.Distinct().Count() == p.Count).WithMessage("present lists each member once.");
        RuleFor(x => x.Represented).Must(p => p is null || p.Distinct().Count() == p.Count).WithMessage("represented lists each member once.");
        RuleFor(x => x).Must(x => x.Present is null || x.Represented is null || !x.Present.Intersect(x.Represented).Any())
            .OverridePropertyName("represented").WithMessage("A member present is not also represented.");
        RuleFor(x => x.Decisions).Must(d => d is null || d.Count <= 50).WithMessage("decisions: at most 50.");
        RuleForEach(x => x.Decisions).ChildRules(d =>
        {
            d.RuleFor(x => x.Text).NotEmpty().MaximumLength(1000);
            d.RuleFor(x => x.For).NotNull().GreaterThanOrEqualTo(0);
            d.RuleFor(x => x.Against).NotNull().GreaterThanOrEqualTo(0);
            d.RuleFor(x => x.Abstain).NotNull().GreaterThanOrEqualTo(0);
        });
        RuleFor(x => x.Minutes).MaximumLength(20_000);
        RuleFor(x => x.FinancialYear).InclusiveBetween(2000, 2100);
    }
}

/// <summary>Staff record a general assembly; its quorum is computed from the members on its date and the cooperative's rule.</summary>
internal sealed class HoldAssemblyHandler(IEconomyStore store, EconomyAccess access, TimeProvider clock) : IRequestHandler<HoldAssembly, AssemblyRecord>
{
    public async Task<AssemblyRecord> Handle(HoldAssembly cmd, CancellationToken ct)
    {
        var register = await access.StaffAsync(cmd.CooperativeId, cmd.ActorId, ct);
        var date = Inputs.PastDay(cmd.Date, "date", clock);
        var members = register.On(date).Select(m => m.Id).ToHashSet();
        var (present, represented) = (cmd.Present ?? [], cmd.Represented ?? []);
        if (present.FirstOrDefault(id => !members.Contains(id)) is var p && p != Guid.Empty)
            throw new ValidationFailed("present", $"{p} was not a member of the cooperative on {date:yyyy-MM-dd}.");
        if (represented.FirstOrDefault(id => !members.Contains(id)) is var r && r != Guid.Empty)
            throw new ValidationFailed("represented", $"{r} was not a member of the cooperative on {date:yyyy-MM-dd}.");
        var attending = present.Count + represented.Count;
        var decisions = cmd.Decisions ?? [];
        if (decisions.FirstOrDefault(d => d.For + d.Against + d.Abstain > attending) is not null)
            throw new ValidationFailed("decisions", $"A decision has more votes than the {attending} members present or represented.");
        await using var session = store.LightweightSession();
        var settings = await session.LoadAsync<Settings>(cmd.CooperativeId, ct) ?? Settings.Default(cmd.CooperativeId);
        var fraction = cmd.Kind == AssemblyKinds.Extraordinary ? settings.ExtraordinaryQuorum : settings.OrdinaryQuorum;
        var met = Quorum.Met(attending, members.Count, fraction);
        var assemblyId = Guid.CreateVersion7();
        session.Events.StartStream<Assembly>(assemblyId, new AssemblyHeld(assemblyId, cmd.CooperativeId, date, cmd.Kind!, cmd.FinancialYear ?? date.Year - 1,
            present, represented, members.Count, Quorum.Required(members.Count, fraction), met,
            decisions.Select(d => new Decision(d.Text!.Trim(), d.For!.Value, d.Against!.Value, d.Abstain!.Value,
                Quorum.Adopted(cmd.Kind!, met, d.For!.Value, d.Against!.Value, d.Abstain!.Value))).ToList(),
            RecordSupplyHandler.Blank(cmd.Minutes), cmd.ActorId, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return AssemblyViews.Of((await session.LoadAsync<Assembly>(assemblyId, ct))!, register);
    }
}

internal static class HoldAssemblyEndpoint
{
    internal sealed record Body(string? Date, string? Kind, List<Guid>? Present, List<Guid>? Represented, List<DecisionInput>? Decisions,
        string? Minutes, int? FinancialYear);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/assemblies",
            async (Guid id, Body b, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var assembly = await mediator.Send(new HoldAssembly(id, user.UserId(), b.Date, b.Kind, b.Present, b.Represented, b.Decisions, b.Minutes,
                    b.FinancialYear), ct);
                return TypedResults.Created($"/api/cooperatives/{id}/assemblies/{assembly.Id}", assembly);
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Record a general assembly: attendance, quorum, decisions, minutes (staff)");
}

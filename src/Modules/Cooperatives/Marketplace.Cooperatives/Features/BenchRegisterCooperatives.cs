using System.Security.Claims;
using FluentValidation;
using Marketplace.Accounts.Contracts;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>
/// Benchmark data (<see cref="BenchLoading"/>): many cooperatives at once, each with the events that its application,
/// an administrator's verification and its owner's first payout account (a RIB) would record, through the same decide
/// functions, many streams in one session. Each application passes <see cref="ApplyForCooperativeValidator"/>.
/// </summary>
internal sealed record BenchRegisterCooperatives(Guid AdminId, IReadOnlyList<BenchRegisterCooperatives.Item> Cooperatives)
    : IRequest<IReadOnlyList<Guid>>
{
    internal sealed record Item(ApplyForCooperative Application, string? Rib);
}

internal sealed class BenchRegisterCooperativesValidator : AbstractValidator<BenchRegisterCooperatives>
{
    public BenchRegisterCooperativesValidator()
    {
        RuleFor(x => x.Cooperatives).NotEmpty().Must(c => c is null || c.Count <= BenchLoading.MaxBatch)
            .WithMessage($"At most {BenchLoading.MaxBatch} cooperatives at a time.");
        RuleForEach(x => x.Cooperatives).ChildRules(item =>
        {
            item.RuleFor(i => i.Application).SetValidator(new ApplyForCooperativeValidator());
            item.RuleFor(i => i.Rib).Must(r => r is null || Rib.IsValid(r)).WithMessage("A RIB has 24 digits and a valid key.");
        });
    }
}

internal sealed class BenchRegisterCooperativesHandler(ICooperativesStore store, IMediator mediator, TimeProvider clock)
    : IRequestHandler<BenchRegisterCooperatives, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(BenchRegisterCooperatives cmd, CancellationToken ct)
    {
        var applicants = cmd.Cooperatives.Select(c => c.Application.ApplicantId).Distinct().ToList();
        if ((await mediator.Send(new GetUsers(applicants), ct)).Count != applicants.Count)
            throw new ValidationFailed("applicantId", "Every applicant must be a registered user.");
        var now = clock.GetUtcNow();
        var ids = new List<Guid>(cmd.Cooperatives.Count);
        await using var session = store.LightweightSession();
        foreach (var (application, rib) in cmd.Cooperatives)
        {
            var id = Guid.CreateVersion7();
            var applied = ApplyForCooperativeHandler.Applied(application, id, now);
            var events = new List<object> { applied };
            var state = Cooperative.Next(null, applied)!;
            void Then(IReadOnlyList<object> next)
            {
                events.AddRange(next);
                state = next.Aggregate(state, (c, e) => Cooperative.Next(c, e)!);
            }
            Then(Lifecycle.Verify(state, cmd.AdminId, now));
            if (rib is not null) Then(Management.SetPayoutAccount(state, application.ApplicantId, PayoutMethods.BankTransfer, Rib.Normalise(rib), null, now));
            session.Insert(new RegistrationClaim(RegistrationClaim.Key(applied.RegistrationNumber), id, now));
            session.Events.StartStream<Cooperative>(id, events);
            ids.Add(id);
        }
        try { await session.SaveChangesAsync(ct); }
        catch (Exception ex) when (ex is JasperFx.DocumentAlreadyExistsException || ex.IsUniqueViolation()) { throw ApplyForCooperativeHandler.Taken(); }
        return ids;
    }
}

internal static class BenchRegisterCooperativesEndpoint
{
    /// <param name="OwnerId">a registered user, owner of every cooperative of the batch.</param>
    internal sealed record Body(Guid OwnerId, IReadOnlyList<Item>? Cooperatives);

    internal sealed record Item(Dictionary<string, string>? Name, string? RegistrationNumber, string? Province, List<string>? Sectors,
        string? ContactEmail, string? Phone, Dictionary<string, string>? Description, string? Rib);

    public static void Map(RouteGroupBuilder bench) => bench.MapPost("/cooperatives",
        async (Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new BenchRegisterCooperatives(user.UserId(), (body.Cooperatives ?? []).Select(c =>
                new BenchRegisterCooperatives.Item(new ApplyForCooperative(body.OwnerId, c.Name ?? [], c.RegistrationNumber ?? "",
                    c.Province ?? "", c.Sectors ?? [], c.ContactEmail ?? "", c.Phone ?? "", c.Description), c.Rib)).ToList()), ct)));
}

using System.Collections.Concurrent;
using Marketplace.Cooperatives.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payouts.Tests.Integration.Scaffold;

/// <summary>
/// TEMPORARY, until the Cooperatives module lands on main: its side of the contracts that Payouts asks (access, payout
/// accounts, names), so that the Payouts tests run now. Used only while that module has no handler for them (then
/// <see cref="HttpCooperatives"/> drives the real module over HTTP). Delete this folder after merging main.
/// </summary>
internal static class CooperativesScaffold
{
    public static bool IsNeeded { get; } =
        !System.Reflection.Assembly.Load("Marketplace.Cooperatives").GetTypes()
            .Any(typeof(IRequestHandler<GetPayoutAccount, PayoutAccount?>).IsAssignableFrom);

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(Shared); // every node of a test sees the same cooperatives, as they would in the database
        services.AddTransient<IRequestHandler<GetCooperativeAccess, CooperativeAccess?>, Handlers>();
        services.AddTransient<IRequestHandler<GetPayoutAccount, PayoutAccount?>, Handlers>();
        services.AddTransient<IRequestHandler<GetCooperativeSummaries, IReadOnlyList<CooperativeSummary>>, Handlers>();
    }

    internal static readonly State Shared = new();

    internal sealed record Cooperative(Guid Id, Guid Owner, IReadOnlyDictionary<string, string> Name, PayoutAccount? Account);

    internal sealed class State
    {
        public ConcurrentDictionary<Guid, Cooperative> Cooperatives { get; } = new();
    }

    private sealed class Handlers(State state) :
        IRequestHandler<GetCooperativeAccess, CooperativeAccess?>,
        IRequestHandler<GetPayoutAccount, PayoutAccount?>,
        IRequestHandler<GetCooperativeSummaries, IReadOnlyList<CooperativeSummary>>
    {
        public Task<CooperativeAccess?> Handle(GetCooperativeAccess q, CancellationToken ct) =>
            Task.FromResult(state.Cooperatives.TryGetValue(q.CooperativeId, out var c)
                ? new CooperativeAccess(c.Id, CooperativeStatus.Verified, c.Owner == q.UserId, c.Owner == q.UserId)
                : null);

        public Task<PayoutAccount?> Handle(GetPayoutAccount q, CancellationToken ct) =>
            Task.FromResult(state.Cooperatives.TryGetValue(q.CooperativeId, out var c) ? c.Account : null);

        public Task<IReadOnlyList<CooperativeSummary>> Handle(GetCooperativeSummaries q, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<CooperativeSummary>>(q.CooperativeIds.Where(state.Cooperatives.ContainsKey)
                .Select(id => new CooperativeSummary(id, state.Cooperatives[id].Name, "taroudant", CooperativeStatus.Verified)).ToList());
    }
}

/// <summary>TEMPORARY (see <see cref="CooperativesScaffold"/>): cooperatives and payout accounts straight into the scaffold's state.</summary>
internal sealed class ScaffoldCooperatives(PayoutsApp app, CooperativesScaffold.State state) : ICooperatives
{
    public async Task<TestCooperative> NewAsync(string name)
    {
        var owner = await app.NewShopperAsync("owner");
        var id = Guid.CreateVersion7();
        state.Cooperatives[id] = new CooperativesScaffold.Cooperative(id, owner.Id,
            new Dictionary<string, string> { ["ar"] = $"تعاونية {name}", ["fr"] = $"Coopérative {name}" }, null);
        return new TestCooperative(id, owner, $"Coopérative {name}", $"تعاونية {name}");
    }

    public Task SetBankAccountAsync(TestCooperative cooperative, string rib) =>
        SetAsync(cooperative, new PayoutAccount(cooperative.Id, "bank_transfer", rib, null, null));

    public Task SetStripeAccountAsync(TestCooperative cooperative, string accountId) =>
        SetAsync(cooperative, new PayoutAccount(cooperative.Id, "stripe_connect", null, accountId, null));

    public Task ChangeBankAccountAsync(TestCooperative cooperative, string rib) =>
        SetAsync(cooperative, new PayoutAccount(cooperative.Id, "bank_transfer", rib, null, app.Clock.GetUtcNow().AddHours(48)));

    private Task SetAsync(TestCooperative cooperative, PayoutAccount account)
    {
        state.Cooperatives[cooperative.Id] = state.Cooperatives[cooperative.Id] with { Account = account };
        return Task.CompletedTask;
    }
}

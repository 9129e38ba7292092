using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Orders.Tests.Integration.Scaffold;

/// <summary>
/// TEMPORARY, until the Catalogue module lands on main: its side of the contracts that Orders uses (products, stock
/// reservations and their release), so that the Orders tests run now. Cooperatives are the real module. Used only while
/// Catalogue has no handler for them (then <see cref="HttpMarket"/> drives it over HTTP). Delete this folder after merging main.
/// </summary>
internal static class ContractsScaffold
{
    public static bool IsNeeded { get; } =
        !System.Reflection.Assembly.Load("Marketplace.Catalogue").GetTypes()
            .Any(typeof(IRequestHandler<GetProductsForCheckout, IReadOnlyList<CheckoutProduct>>).IsAssignableFrom);

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<ScaffoldState>();
        services.AddTransient<IRequestHandler<GetProductsForCheckout, IReadOnlyList<CheckoutProduct>>, Handlers>();
        services.AddTransient<IRequestHandler<ReserveStock, StockReservation>, Handlers>();
        services.AddTransient<INotificationHandler<SubOrdersCancelledIntegrationEvent>, Handlers>();
    }

    private sealed class Handlers(ScaffoldState state, IMediator mediator) :
        IRequestHandler<GetProductsForCheckout, IReadOnlyList<CheckoutProduct>>,
        IRequestHandler<ReserveStock, StockReservation>,
        INotificationHandler<SubOrdersCancelledIntegrationEvent>
    {
        public async Task<IReadOnlyList<CheckoutProduct>> Handle(GetProductsForCheckout q, CancellationToken ct)
        {
            var products = q.ProductIds.Distinct().Where(state.Products.ContainsKey).Select(id => state.Products[id]).ToList();
            var verified = await VerifiedAsync(products.Select(p => p.CooperativeId), ct);
            return products.Select(p => p with { IsPurchasable = state.Published.GetValueOrDefault(p.ProductId) && verified.Contains(p.CooperativeId) })
                .ToList();
        }

        public async Task<StockReservation> Handle(ReserveStock cmd, CancellationToken ct)
        {
            var cooperatives = cmd.Lines.Where(l => state.Products.ContainsKey(l.ProductId)).Select(l => state.Products[l.ProductId].CooperativeId);
            return state.Reserve(cmd, await VerifiedAsync(cooperatives, ct));
        }

        public Task Handle(SubOrdersCancelledIntegrationEvent e, CancellationToken ct)
        {
            state.Release(e.OrderId);
            return Task.CompletedTask;
        }

        /// <summary>Which of these cooperatives are verified, asked of the real Cooperatives module.</summary>
        private async Task<HashSet<Guid>> VerifiedAsync(IEnumerable<Guid> cooperatives, CancellationToken ct)
        {
            var verified = new HashSet<Guid>();
            foreach (var id in cooperatives.Distinct())
                if (await mediator.Send(new GetCooperativeAccess(id, Guid.Empty), ct) is { IsVerified: true }) verified.Add(id);
            return verified;
        }
    }
}

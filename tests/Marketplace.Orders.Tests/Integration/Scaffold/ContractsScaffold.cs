using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Orders.Tests.Integration.Scaffold;

/// <summary>
/// TEMPORARY, until the Catalogue and Cooperatives modules land on main: their sides of the contracts that Orders uses,
/// so that the Orders tests run now. Used only while those modules have no handler for them (then <see cref="HttpMarket"/>
/// drives the real modules over HTTP). Delete this folder after merging main.
/// </summary>
internal static class ContractsScaffold
{
    public static bool IsNeeded { get; } = !HasHandler("Marketplace.Catalogue", typeof(IRequestHandler<GetProductsForCheckout, IReadOnlyList<CheckoutProduct>>))
        || !HasHandler("Marketplace.Cooperatives", typeof(IRequestHandler<GetShippingPolicies, IReadOnlyList<ShippingPolicy>>));

    private static bool HasHandler(string assembly, Type handler) =>
        System.Reflection.Assembly.Load(assembly).GetTypes().Any(handler.IsAssignableFrom);

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<ScaffoldState>();
        services.AddTransient<IRequestHandler<GetProductsForCheckout, IReadOnlyList<CheckoutProduct>>, Handlers>();
        services.AddTransient<IRequestHandler<ReserveStock, StockReservation>, Handlers>();
        services.AddTransient<IRequestHandler<GetShippingPolicies, IReadOnlyList<ShippingPolicy>>, Handlers>();
        services.AddTransient<IRequestHandler<GetCooperativeAccess, CooperativeAccess?>, Handlers>();
        services.AddTransient<INotificationHandler<SubOrdersCancelledIntegrationEvent>, Handlers>();
    }

    private sealed class Handlers(ScaffoldState state) :
        IRequestHandler<GetProductsForCheckout, IReadOnlyList<CheckoutProduct>>,
        IRequestHandler<ReserveStock, StockReservation>,
        IRequestHandler<GetShippingPolicies, IReadOnlyList<ShippingPolicy>>,
        IRequestHandler<GetCooperativeAccess, CooperativeAccess?>,
        INotificationHandler<SubOrdersCancelledIntegrationEvent>
    {
        public Task<IReadOnlyList<CheckoutProduct>> Handle(GetProductsForCheckout q, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<CheckoutProduct>>(q.ProductIds.Distinct().Where(state.Products.ContainsKey)
                .Select(id => state.Products[id] with { IsPurchasable = state.IsPurchasable(id) }).ToList());

        public Task<StockReservation> Handle(ReserveStock cmd, CancellationToken ct) => Task.FromResult(state.Reserve(cmd));

        public Task<IReadOnlyList<ShippingPolicy>> Handle(GetShippingPolicies q, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<ShippingPolicy>>(q.CooperativeIds.Where(state.Policies.ContainsKey).Select(id => state.Policies[id]).ToList());

        public Task<CooperativeAccess?> Handle(GetCooperativeAccess q, CancellationToken ct) =>
            Task.FromResult(state.Cooperatives.TryGetValue(q.CooperativeId, out var c)
                ? new CooperativeAccess(q.CooperativeId, c.Status, c.Owner == q.UserId, c.Owner == q.UserId)
                : null);

        public Task Handle(SubOrdersCancelledIntegrationEvent e, CancellationToken ct)
        {
            state.Release(e.OrderId);
            return Task.CompletedTask;
        }
    }
}

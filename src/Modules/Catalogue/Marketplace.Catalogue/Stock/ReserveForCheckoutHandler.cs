using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using MediatR;
using Microsoft.Extensions.Options;

namespace Marketplace.Catalogue.Stock;

internal sealed class ReserveForCheckoutValidator : AbstractValidator<ReserveForCheckout>
{
    public ReserveForCheckoutValidator()
    {
        RuleFor(x => x.OrderId).NotEmpty();
        RuleFor(x => x.RequestHash).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Lines).NotEmpty().Must(l => l is null || l.Count <= 100).WithMessage("An order has at most 100 lines.");
        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.ProductId).NotEmpty();
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(10_000);
        });
    }
}

/// <summary>
/// Checkout's products and reservation. A checkout is reserved at once while one of the node's workers is free
/// (<see cref="CatalogueOptions.CheckoutWorkers"/>); those that arrive while every worker is busy wait and are reserved
/// together, in the order they came, by <see cref="CheckoutReservations"/>: one transaction, one lock per product and one
/// commit for all of them. On a popular product, one transaction per checkout queued on its lock, each holding it
/// for its round trips and its commit (p99 3.7 s with 32 shoppers on 10 products). A batch holds at most
/// <see cref="LinesPerBatch"/> lines (a checkout with more goes alone).
/// </summary>
internal sealed class ReserveForCheckoutHandler(CheckoutBatches batches) : IRequestHandler<ReserveForCheckout, CheckoutReservation>
{
    public const int LinesPerBatch = 200;

    public Task<CheckoutReservation> Handle(ReserveForCheckout cmd, CancellationToken ct) => batches.Combiner.Send(cmd, ct);
}

/// <summary>This node's queue of checkouts waiting to be reserved (a singleton).</summary>
internal sealed class CheckoutBatches(CheckoutReservations reservations, IOptions<CatalogueOptions> options)
{
    public Combiner<ReserveForCheckout, CheckoutReservation> Combiner { get; } =
        new(cmds => reservations.ReserveAsync(cmds, CancellationToken.None), ReserveForCheckoutHandler.LinesPerBatch, cmd => cmd.Lines.Count,
            options.Value.CheckoutWorkers);
}

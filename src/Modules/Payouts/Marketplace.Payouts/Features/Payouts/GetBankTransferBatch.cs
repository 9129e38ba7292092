using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Payouts.Domain;
using Marketplace.Payouts.Domain.Payouts;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Payouts.Features.Payouts;

/// <summary>The pending bank transfers as a CSV batch to hand to the bank: RIB, amount, reference (the transfer's label), name.</summary>
internal sealed record GetBankTransferBatch(string Language) : IRequest<byte[]>;

internal sealed class GetBankTransferBatchHandler(IPayoutsStore store, IMediator mediator) : IRequestHandler<GetBankTransferBatch, byte[]>
{
    public static readonly string[] Header = ["rib", "amount", "currency", "reference", "cooperative"];

    public async Task<byte[]> Handle(GetBankTransferBatch query, CancellationToken ct)
    {
        IReadOnlyList<Payout> pending;
        await using (var session = store.QuerySession())
            pending = await session.Query<Payout>()
                .Where(p => p.Method == PayoutMethod.BankTransfer && p.Status == PayoutStatus.Pending)
                .OrderBy(p => p.Reference).ToListAsync(ct);
        var names = (await mediator.Send(new GetCooperativeSummaries(pending.Select(p => p.CooperativeId).Distinct().ToList()), ct))
            .ToDictionary(c => c.Id, c => new[] { query.Language, "fr", "ar", "en", "zgh" }
                .Select(l => c.Name.GetValueOrDefault(l)).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? "");
        return Csv.Write(Header, pending.Select(p => (IReadOnlyList<string>)[
            p.Destination, Csv.Amount(p.Amount.Amount), p.Amount.Currency, p.Reference, Csv.Text(names.GetValueOrDefault(p.CooperativeId, ""))]));
    }
}

internal static class GetBankTransferBatchEndpoint
{
    public static void Map(RouteGroupBuilder admin) => admin.MapGet("/payouts/bank-transfers.csv",
            async (HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.File(await mediator.Send(new GetBankTransferBatch(Language.Of(http)), ct), "text/csv; charset=utf-8",
                    "bank-transfers.csv"))
        .WithSummary("The pending bank transfers as a CSV batch for the bank (rib, amount, currency, reference, cooperative)");
}

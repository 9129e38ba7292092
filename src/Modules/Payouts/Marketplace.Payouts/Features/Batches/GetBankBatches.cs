using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Payouts;
using Marketplace.Payouts.Features.Payouts;
using Marten;
using static Marten.Pagination.PagedListQueryableExtensions;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Payouts.Features.Batches;

/// <summary>The batches, newest first.</summary>
internal sealed record ListBankBatches(PageRequest Page) : IRequest<PagedList<BankBatchView>>;

/// <summary>One batch, with its payouts as they are now (NotFound when unknown).</summary>
internal sealed record GetBankBatch(Guid Id) : IRequest<BankBatchView>;

/// <summary>The batch's file for the bank: the same bytes at every download.</summary>
internal sealed record GetBankBatchFile(Guid Id) : IRequest<(string Number, byte[] File)>;

internal sealed class BankBatchQueries(IPayoutsStore store) : IRequestHandler<ListBankBatches, PagedList<BankBatchView>>,
    IRequestHandler<GetBankBatch, BankBatchView>, IRequestHandler<GetBankBatchFile, (string Number, byte[] File)>
{
    public async Task<PagedList<BankBatchView>> Handle(ListBankBatches query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var page = await session.Query<BankBatch>().OrderByDescending(b => b.CreatedAt).ToPagedListAsync(query.Page.Page, query.Page.PageSize, ct);
        var views = new List<BankBatchView>();
        foreach (var batch in page) views.Add(await ViewAsync(session, batch, ct));
        return new PagedList<BankBatchView>(views, page.TotalItemCount, query.Page.Page, query.Page.PageSize);
    }

    public async Task<BankBatchView> Handle(GetBankBatch query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await ViewAsync(session, await session.LoadAsync<BankBatch>(query.Id, ct) ?? throw new NotFound("The bank batch"), ct);
    }

    public async Task<(string Number, byte[] File)> Handle(GetBankBatchFile query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var batch = await session.LoadAsync<BankBatch>(query.Id, ct) ?? throw new NotFound("The bank batch");
        return (batch.Number, batch.File());
    }

    private static async Task<BankBatchView> ViewAsync(IQuerySession session, BankBatch batch, CancellationToken ct)
    {
        var payouts = await session.LoadManyAsync<Payout>(ct, batch.Lines.Select(l => l.PayoutId));
        return new BankBatchView(batch.Id, batch.Number, batch.CreatedAt, batch.By, batch.Total, batch.Lines.Count,
            payouts.OrderBy(p => p.Reference).Select(PayoutView.Of).ToList());
    }
}

internal static class BankBatchEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/bank-batches", async (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListBankBatches(PageRequest.From(page, pageSize)), ct)))
            .WithSummary("The batches of bank transfers, newest first");
        admin.MapGet("/bank-batches/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetBankBatch(id), ct)))
            .WithSummary("One batch with its payouts");
        admin.MapGet("/bank-batches/{id:guid}.csv", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var (number, file) = await mediator.Send(new GetBankBatchFile(id), ct);
                return TypedResults.File(file, "text/csv; charset=utf-8", $"{number}.csv");
            })
            .WithSummary("The batch's file for the bank (rib, amount, currency, reference, cooperative): the same at every download");
    }
}

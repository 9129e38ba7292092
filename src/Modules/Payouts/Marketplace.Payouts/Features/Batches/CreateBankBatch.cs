using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Payouts.Domain.Ledger;
using Marketplace.Payouts.Domain.Payouts;
using Marketplace.Payouts.Features.Payouts;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace Marketplace.Payouts.Features.Batches;

/// <summary>Every pending bank-transfer payout that is in no batch goes into a new one; none is 422.</summary>
internal sealed record CreateBankBatch(Guid? By) : IRequest<BankBatchView>;

/// <summary>
/// The payouts are appended a <see cref="PayoutBatched"/> at the version read, in the transaction that stores the batch:
/// two administrators at once make one batch each of different payouts (the second starts again on what is left), never
/// one payout in two batches.
/// </summary>
internal sealed class CreateBankBatchHandler(IPayoutsStore store, IMediator mediator, NpgsqlDataSource database, TimeProvider clock)
    : IRequestHandler<CreateBankBatch, BankBatchView>
{
    public const string Sequence = "bank_batch_numbers";

    public Task<BankBatchView> Handle(CreateBankBatch cmd, CancellationToken ct) => Concurrency.RetryOnConflictAsync(async () =>
    {
        await using var session = store.LightweightSession();
        var pending = await session.Query<Payout>()
            .Where(p => p.Method == PayoutMethod.BankTransfer && p.Status == PayoutStatus.Pending && p.BatchId == null)
            .OrderBy(p => p.Reference).ToListAsync(ct);
        if (pending.Count == 0) throw new Unprocessable("There is no pending bank transfer outside a batch: nothing to send to the bank.");
        var names = (await mediator.Send(new GetCooperativeSummaries(pending.Select(p => p.CooperativeId).Distinct().ToList()), ct))
            .ToDictionary(c => c.Id, c => new[] { "fr", "en", "ar", "zgh" }.Select(l => c.Name.GetValueOrDefault(l))
                .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? "");
        var now = clock.GetUtcNow();
        var batch = new BankBatch { Id = Guid.CreateVersion7(), Number = await NumberAsync(now, ct), CreatedAt = now, By = cmd.By };
        foreach (var payout in pending)
        {
            (await session.Events.FetchForWriting<Payout>(payout.Id, payout.Version, ct)).AppendOne(new PayoutBatched(payout.Id, batch.Id, now));
            batch.Lines.Add(new BankBatchLine(payout.Id, payout.Reference, payout.CooperativeId, names.GetValueOrDefault(payout.CooperativeId, ""),
                payout.Destination, payout.Amount));
        }
        batch.Total = Money.Sum(batch.Lines.Select(l => l.Amount));
        session.Insert(batch);
        await session.SaveChangesAsync(ct);
        foreach (var p in pending) p.BatchId = batch.Id;
        return new BankBatchView(batch.Id, batch.Number, batch.CreatedAt, batch.By, batch.Total, batch.Lines.Count, pending.Select(PayoutView.Of).ToList());
    }, ct);

    private async Task<string> NumberAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select nextval('payouts.{Sequence}')");
        return $"BB-{now.Year}-{(long)(await command.ExecuteScalarAsync(ct))!:D4}";
    }
}

internal static class CreateBankBatchEndpoint
{
    public static void Map(RouteGroupBuilder admin) => admin.MapPost("/bank-batches",
            async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var batch = await mediator.Send(new CreateBankBatch(user.UserId()), ct);
                return TypedResults.Created($"/api/admin/bank-batches/{batch.Id}", batch);
            })
        .WithSummary("A batch for the bank of every pending bank-transfer payout that is in no batch yet (422 when there is none)");
}

using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Ledger;
using Marketplace.Payouts.Domain.Payouts;
using JasperFx.Events;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Payouts.Reconciliation;

/// <summary>
/// Imports the platform's bank statement, reading the sign: a debit line (transfers out are negative) whose reference
/// contains a sent payout's and whose amount is minus the payout's reconciles it; a credit line whose reference contains a
/// sent or reconciled payout's is the bank returning it: the payout is returned and its money is the cooperative's again.
/// All or nothing; a line already imported is not again. The answer describes the file: the same file twice gets the same
/// answer and changes nothing the second time.
/// </summary>
internal sealed record ImportBankStatement(byte[] File) : IRequest<ImportBankStatement.Result>
{
    internal sealed record Result(int Matched, int Returned, IReadOnlyList<StatementLineView> Unmatched, int Imported, int AlreadyImported);
}

internal sealed class ImportBankStatementHandler(IPayoutsStore store, TimeProvider clock) : IRequestHandler<ImportBankStatement, ImportBankStatement.Result>
{
    public async Task<ImportBankStatement.Result> Handle(ImportBankStatement cmd, CancellationToken ct)
    {
        var parsed = BankStatementCsv.Parse(cmd.File);
        var occurrences = new Dictionary<string, int>();
        var keyed = parsed.Select(line =>
        {
            var key = StatementLine.IdOf(line, 0);
            var n = occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
            return (Line: line, Id: StatementLine.IdOf(line, n));
        }).ToList();
        return await Concurrency.RetryOnConflictAsync(() => ImportAsync(keyed, ct), ct);
    }

    private async Task<ImportBankStatement.Result> ImportAsync(IReadOnlyList<(ParsedLine Line, string Id)> lines, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var known = (await session.LoadManyAsync<StatementLine>(ct, lines.Select(l => l.Id).Distinct().ToArray())).ToDictionary(l => l.Id);
        var open = (await session.Query<Payout>().Where(p => p.Status == PayoutStatus.Sent || p.Status == PayoutStatus.Reconciled)
            .ToListAsync(ct)).Select(p => p.Copy()).ToList();
        var streams = new Dictionary<Guid, IEventStream<Payout>>();
        var now = clock.GetUtcNow();
        var all = new List<StatementLine>();
        var imported = 0;
        foreach (var (parsed, id) in lines)
        {
            if (known.TryGetValue(id, out var earlier)) { all.Add(earlier); continue; }
            var line = StatementLine.From(parsed, id, now);
            if (open.FirstOrDefault(p => PayoutDecisions.Matches(p, line.Reference, line.Amount)) is { } paid)
                await AppendAsync(session, streams, paid, line, new PayoutReconciled(paid.Id, "bank_statement", Evidence(line), now), ct);
            else if (open.FirstOrDefault(p => PayoutDecisions.IsReturnOf(p, line.Reference, line.Amount)) is { } returned)
            {
                await AppendAsync(session, streams, returned, line, new PayoutReturnedByBank(returned.Id, Evidence(line), now), ct);
                await session.DecideAsync(returned.CooperativeId,
                    ledger => LedgerDecisions.ReturnPayout(ledger, returned.Id, $"returned by the bank: {line.Reference}", now), ct);
                line.Returned = true;
            }
            session.Insert(line);
            all.Add(line);
            imported++;
        }
        if (imported > 0)
        {
            try { await session.SaveChangesAsync(ct); }
            catch (Exception e) when (e is JasperFx.DocumentAlreadyExistsException || e.IsUniqueViolation())
            {
                throw new JasperFx.ConcurrencyException(typeof(StatementLine), "statement"); // imported at the same moment: read again
            }
        }
        return new ImportBankStatement.Result(all.Count(l => l.PayoutId is not null && !l.Returned), all.Count(l => l.Returned),
            all.Where(l => l.PayoutId is null).Select(StatementLineView.Of).ToList(), imported, all.Count - imported);
    }

    private static string Evidence(StatementLine line) => $"{line.Date:yyyy-MM-dd} {line.Reference} {line.Amount:0.00}";

    /// <summary>The payout's stream, read once at the version this import saw (a concurrent change makes it start again).</summary>
    private static async Task AppendAsync(IDocumentSession session, Dictionary<Guid, IEventStream<Payout>> streams, Payout payout,
        StatementLine line, IDomainEvent fact, CancellationToken ct)
    {
        if (!streams.TryGetValue(payout.Id, out var stream))
            streams[payout.Id] = stream = await session.Events.FetchForWriting<Payout>(payout.Id, payout.Version, ct);
        stream.AppendOne(fact);
        switch (fact) { case PayoutReconciled r: payout.Apply(r); break; case PayoutReturnedByBank b: payout.Apply(b); break; }
        line.PayoutId = payout.Id;
        line.PayoutReference = payout.Reference;
    }
}

internal static class ImportBankStatementEndpoint
{
    public static void Map(RouteGroupBuilder admin) => admin.MapPost("/reconciliation/bank-statements",
            async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                if (!request.HasFormContentType) throw new ValidationFailed("file", "Send the statement as multipart/form-data, in the field 'file'.");
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file") ?? throw new ValidationFailed("file", "The statement goes in the multipart field 'file'.");
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                return TypedResults.Ok(await mediator.Send(new ImportBankStatement(buffer.ToArray()), ct));
            })
        .DisableAntiforgery()
        .WithSummary("Import the platform's bank statement (CSV: date,reference,amount,counterparty) and reconcile the payouts it shows");
}

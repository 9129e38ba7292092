using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Ledger;
using Marketplace.Payouts.Domain.Payouts;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Payouts.Reconciliation;

/// <summary>
/// Imports the platform's bank statement: each line that matches a sent payout (its reference contains the payout's,
/// its absolute amount is the payout's) reconciles that payout. All or nothing; a line already imported is not again.
/// The answer describes the file: the same file twice gets the same answer and changes nothing the second time.
/// </summary>
internal sealed record ImportBankStatement(byte[] File) : IRequest<ImportBankStatement.Result>
{
    internal sealed record Result(int Matched, IReadOnlyList<StatementLineView> Unmatched, int Imported, int AlreadyImported);
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
        return await LedgerStreams.RetryOnConflictAsync(() => ImportAsync(keyed, ct), ct);
    }

    private async Task<ImportBankStatement.Result> ImportAsync(IReadOnlyList<(ParsedLine Line, string Id)> lines, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var known = (await session.LoadManyAsync<StatementLine>(ct, lines.Select(l => l.Id).Distinct().ToArray())).ToDictionary(l => l.Id);
        var sent = (await session.Query<Payout>().Where(p => p.Status == PayoutStatus.Sent).ToListAsync(ct)).ToList();
        var now = clock.GetUtcNow();
        var all = new List<StatementLine>();
        var imported = 0;
        foreach (var (parsed, id) in lines)
        {
            if (known.TryGetValue(id, out var earlier)) { all.Add(earlier); continue; }
            var line = StatementLine.From(parsed, id, now);
            if (sent.FirstOrDefault(p => PayoutDecisions.Matches(p, line.Reference, line.Amount)) is { } payout)
            {
                sent.Remove(payout);
                await Reconcile(session, payout, line, now, ct);
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
        return new ImportBankStatement.Result(all.Count(l => l.PayoutId is not null),
            all.Where(l => l.PayoutId is null).Select(StatementLineView.Of).ToList(), imported, all.Count - imported);
    }

    /// <summary>The payout becomes reconciled by this line (optimistic: a concurrent change makes the import start again).</summary>
    internal static async Task Reconcile(IDocumentSession session, Payout payout, StatementLine line, DateTimeOffset at, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Payout>(payout.Id, payout.Version, ct);
        stream.AppendOne(new PayoutReconciled(payout.Id, "bank_statement", $"{line.Date:yyyy-MM-dd} {line.Reference} {line.Amount:0.00}", at));
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

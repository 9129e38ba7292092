using Marten;

namespace Marketplace.Invoicing.Issuing;

/// <summary>
/// Numbers {cooperative code}-{year}-{n}, n continuous per cooperative and year. The number is taken in the session that
/// records the document: the counter's new value and the document commit together or not at all, so a failed or
/// concurrent issue leaves no gap and no repeat (the counter's optimistic concurrency refuses the second of two
/// concurrent commits, which then tries again with the next number).
/// </summary>
internal static class InvoiceNumbers
{
    public const string CodeSequence = "cooperative_codes";

    public static async Task<(string Number, int Sequence)> NextAsync(IDocumentSession session, Guid cooperativeId, int year, CancellationToken ct)
    {
        var series = await session.LoadAsync<InvoiceSeries>(cooperativeId, ct);
        if (series is null)
        {
            var next = (await session.QueryAsync<long>($"select nextval('invoicing.{CodeSequence}')", ct)).Single();
            series = new InvoiceSeries { Id = cooperativeId, Code = $"C{next:D4}" };
            session.Insert(series); // two first invoices at once: one insert fails, its issue is tried again
        }
        var counterId = $"{cooperativeId:N}-{year}";
        var counter = await session.LoadAsync<InvoiceCounter>(counterId, ct);
        if (counter is null)
        {
            counter = new InvoiceCounter { Id = counterId, Last = 1 };
            session.Insert(counter);
        }
        else
        {
            counter.Last++;
            session.Update(counter);
        }
        return ($"{series.Code}-{year}-{counter.Last}", counter.Last);
    }
}

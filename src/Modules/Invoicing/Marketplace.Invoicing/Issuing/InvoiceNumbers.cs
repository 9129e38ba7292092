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

    /// <summary>The platform's own series (its commission invoices to cooperatives): PLAT-{year}-{n}.</summary>
    public static readonly Guid PlatformSeries = new("00000000-0000-0000-0000-00000000a1a7");

    public static async Task<(string Number, int Sequence)> NextAsync(IDocumentSession session, Guid seriesId, int year, CancellationToken ct)
    {
        var series = await session.LoadAsync<InvoiceSeries>(seriesId, ct);
        if (series is null)
        {
            var code = seriesId == PlatformSeries ? "PLAT"
                : $"C{(await session.QueryAsync<long>($"select nextval('invoicing.{CodeSequence}')", ct)).Single():D4}";
            series = new InvoiceSeries { Id = seriesId, Code = code };
            session.Insert(series); // two first invoices at once: one insert fails, its issue is tried again
        }
        var counterId = $"{seriesId:N}-{year}";
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

using Hangfire;

namespace Marketplace.Invoicing.Commission;

/// <summary>Recurring ("invoicing.monthly-commission"): the commission invoices of the month that just ended. Public for Hangfire.</summary>
public sealed class CommissionInvoiceJob
{
    public const string Id = "invoicing.monthly-commission";
    private static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");
    private readonly CommissionInvoices invoices;
    private readonly TimeProvider clock;

    internal CommissionInvoiceJob(CommissionInvoices invoices, TimeProvider clock)
    {
        this.invoices = invoices;
        this.clock = clock;
    }

    public static TimeZoneInfo Zone => Morocco;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 5)] // idempotent: a retry issues only the invoices not issued yet
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var lastMonth = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Morocco).AddMonths(-1);
        return (await invoices.IssueAsync(lastMonth.Year, lastMonth.Month, ct)).Count;
    }
}

using System.Globalization;
using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Payouts.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop;

/// <summary>
/// The cooperative's money (Payouts module): what it is owed and owes, its ledger page by page, its payouts, and the
/// statement of a month as a CSV file (a GET form: a link works, no JavaScript).
/// </summary>
public sealed class BalanceModel(IMediator mediator, Texts texts, TimeProvider clock) : CoopPageModel(mediator, texts)
{
    private static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    [BindProperty(SupportsGet = true), FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public CooperativeBalance Balance { get; private set; } = null!;
    public CooperativeLedgerPage Ledger { get; private set; } = null!;
    public CooperativePayoutPage Payouts { get; private set; } = null!;
    /// <summary>The months a statement can be asked for, this one first: value yyyy-MM and its name in the page's language.</summary>
    public IReadOnlyList<(string Value, string Name)> Months { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Balance = await Mediator.Send(new GetCooperativeBalance(Id, UserId), ct);
        Ledger = await Mediator.Send(new GetCooperativeLedger(Id, UserId, Math.Max(1, PageNumber), 20), ct);
        Payouts = await Mediator.Send(new ListCooperativePayouts(Id, UserId, 1, 5), ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Morocco).DateTime);
        var first = new DateOnly(today.Year, today.Month, 1);
        Months = Enumerable.Range(0, 12).Select(i => first.AddMonths(-i))
            .Select(m => (m.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.ToString("MMMM yyyy", CultureInfo.CurrentCulture))).ToList();
    }

    /// <summary>The statement of a month (yyyy-MM) as the API's CSV file; a month that is not one shows the page with a message.</summary>
    public async Task<IActionResult> OnGetStatementAsync(string? month, CancellationToken ct)
    {
        if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            try
            {
                var statement = await Mediator.Send(new GetCooperativeStatement(Id, UserId, first.Year, first.Month, Lang), ct);
                return File(statement.Content, statement.ContentType, statement.FileName);
            }
            catch (ValidationFailed) { }
        Problem = T["coop.balance.statement.badmonth"];
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>
    /// A signed amount: "+36,00 MAD", "−120,00 MAD". The sign and the number are isolated left to right, so that an Arabic
    /// page shows the sign before the number ("+36,00 د.م."), not after it.
    /// </summary>
    public static string Signed(decimal amount, string currency)
    {
        var number = Math.Abs(amount).ToString("N2", CultureInfo.CurrentCulture);
        var sign = amount > 0 ? "+" : amount < 0 ? "\u2212" : "";
        return Format.Money(Math.Abs(amount), currency).Replace(number, $"\u2066{sign}{number}\u2069");
    }
}

using System.Globalization;
using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Invoicing.Issuing;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Invoicing.Commission;

internal static class CommissionInvoiceEndpoints
{
    internal sealed record Body(string? Month);

    public static void MapAdmin(RouteGroupBuilder admin) => admin.MapPost("/commission-invoices",
            async (Body body, CommissionInvoices invoices, CancellationToken ct) =>
            {
                if (!DateOnly.TryParseExact($"{body.Month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
                    throw new ValidationFailed("month", "month is a month as yyyy-MM, such as 2026-11.");
                var issued = await invoices.IssueAsync(month.Year, month.Month, ct);
                return TypedResults.Ok(new { month = body.Month, items = issued.Select(Item) });
            })
        .WithSummary("Issue the platform's commission invoices of a month (each cooperative's once, however often asked)");

    public static void MapCooperative(RouteGroupBuilder cooperatives)
    {
        cooperatives.MapGet("/{id:guid}/commission-invoices", async (Guid id, ClaimsPrincipal user, IMediator mediator, IInvoicingStore store,
                CancellationToken ct) =>
            {
                await RequireStaffOrAdminAsync(mediator, id, user, ct);
                await using var session = store.QuerySession();
                var items = await session.Query<IssuedInvoice>()
                    .Where(i => i.SeriesId == InvoiceNumbers.PlatformSeries && i.CooperativeId == id).OrderByDescending(i => i.IssuedAt).ToListAsync(ct);
                return TypedResults.Ok(new { items = items.Select(Item) });
            })
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("The platform's monthly commission invoices to the cooperative (staff, administrators)");

        cooperatives.MapGet("/{id:guid}/commission-invoices/{number}", async (Guid id, string number, ClaimsPrincipal user, IMediator mediator,
                IInvoicingStore store, CancellationToken ct) =>
            {
                await RequireStaffOrAdminAsync(mediator, id, user, ct);
                await using var session = store.QuerySession();
                var issued = await session.Query<IssuedInvoice>().SingleOrDefaultAsync(i => i.SeriesId == InvoiceNumbers.PlatformSeries
                    && i.CooperativeId == id && i.Number == number, ct) ?? throw new NotFound("The commission invoice");
                var pdf = await session.LoadAsync<IssuedPdf>(issued.Id, ct) ?? throw new NotFound("The invoice's PDF");
                return TypedResults.File(pdf.Content, "application/pdf", $"{issued.Number}.pdf");
            })
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("One commission invoice of the platform to the cooperative, as PDF");
    }

    private static object Item(IssuedInvoice i) => new
    {
        i.Number, month = i.Document.OrderNumber, i.IssuedAt, i.CooperativeId, total = new Money(i.Total, i.Document.Currency),
        vat = new Money(i.Document.Vat, i.Document.Currency), i.Sha256,
    };

    private static async Task RequireStaffOrAdminAsync(IMediator mediator, Guid cooperativeId, ClaimsPrincipal user, CancellationToken ct)
    {
        var access = await mediator.Send(new GetCooperativeAccess(cooperativeId, user.UserId()), ct) ?? throw new NotFound("The cooperative");
        if (!access.IsStaff && !user.IsAdmin()) throw new Forbidden("Only the cooperative's staff and administrators read its invoices.");
    }
}

using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Invoicing.Contracts;
using Marketplace.Invoicing.Issuing;
using Marketplace.Orders.Contracts;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Invoicing.Features;

/// <summary>Who may read a sub-order's invoices: the shopper who ordered, the cooperative's staff, administrators.</summary>
internal sealed class InvoiceAccess(IMediator mediator)
{
    public async Task<SubOrderForInvoice> SubOrderAsync(Guid orderId, Guid subOrderId, Guid viewerId, bool isAdmin, CancellationToken ct)
    {
        var subOrder = await mediator.Send(new GetSubOrderForInvoice(orderId, subOrderId), ct) ?? throw new NotFound("The sub-order");
        if (isAdmin || subOrder.ShopperId == viewerId) return subOrder;
        if (await mediator.Send(new GetCooperativeAccess(subOrder.CooperativeId, viewerId), ct) is { IsStaff: true }) return subOrder;
        throw new Forbidden("Only the shopper who ordered, the cooperative's staff and administrators read this invoice.");
    }
}

/// <summary>
/// The sub-order's invoice and credit notes. Its invoice is issued at delivery by the Orders event; asked before that event
/// arrived, it is issued here (the same once-only issue).
/// </summary>
internal sealed class GetSubOrderInvoicesHandler(InvoiceAccess access, InvoiceIssuer issuer, IInvoicingStore store)
    : IRequestHandler<GetSubOrderInvoices, SubOrderInvoices>
{
    public async Task<SubOrderInvoices> Handle(GetSubOrderInvoices query, CancellationToken ct)
    {
        var subOrder = await access.SubOrderAsync(query.OrderId, query.SubOrderId, query.ViewerId, query.ViewerIsAdmin, ct);
        if (!subOrder.IsInvoiceable && await issuer.FindAsync(InvoiceIssuer.InvoiceKey(subOrder.SubOrderId), ct) is null)
            return new SubOrderInvoices(SubOrderInvoices.NotDelivered, []);
        try { await issuer.IssueAsync(subOrder, ct); }
        catch (Unprocessable) { return new SubOrderInvoices(SubOrderInvoices.WaitingForTaxIdentity, []); }
        await using var session = store.QuerySession();
        var documents = await session.Query<IssuedInvoice>().Where(i => i.SubOrderId == subOrder.SubOrderId).OrderBy(i => i.IssuedAt)
            .ToListAsync(ct);
        return new SubOrderInvoices(SubOrderInvoices.Issued, documents.Select(Invoices.View).ToList());
    }
}

/// <summary>One document of the series as PDF, for those who may read the sub-order's invoices.</summary>
internal sealed class GetInvoicePdfHandler(InvoiceAccess access, IInvoicingStore store) : IRequestHandler<GetInvoicePdf, InvoiceFile>
{
    public async Task<InvoiceFile> Handle(GetInvoicePdf query, CancellationToken ct)
    {
        await access.SubOrderAsync(query.OrderId, query.SubOrderId, query.ViewerId, query.ViewerIsAdmin, ct);
        await using var session = store.QuerySession();
        var issued = await session.Query<IssuedInvoice>().SingleOrDefaultAsync(i => i.SubOrderId == query.SubOrderId && i.Number == query.Number, ct)
            ?? throw new NotFound("The invoice");
        var pdf = await session.LoadAsync<IssuedPdf>(issued.Id, ct) ?? throw new NotFound("The invoice's PDF");
        return new InvoiceFile(issued.Number, pdf.Content, issued.Sha256);
    }
}

internal static class Invoices
{
    public static InvoiceView View(IssuedInvoice i) => new(i.Id, i.Number, i.Kind, i.IssuedAt, i.OrderId, i.SubOrderId, i.CooperativeId, i.Total,
        i.Sha256, i.Document);
}

internal static class SubOrderInvoiceEndpoints
{
    public static void Map(RouteGroupBuilder orders)
    {
        orders.MapGet("/{id:guid}/sub-orders/{subOrderId:guid}/invoice", async (Guid id, Guid subOrderId, ClaimsPrincipal user, IMediator mediator,
                CancellationToken ct) =>
            {
                var invoices = await mediator.Send(new GetSubOrderInvoices(id, subOrderId, user.UserId(), user.IsAdmin()), ct);
                if (invoices.State == SubOrderInvoices.NotDelivered)
                    throw new DomainRuleViolated("not_delivered", "The invoice is issued once the sub-order is delivered (card: paid and delivered).");
                if (invoices.State == SubOrderInvoices.WaitingForTaxIdentity) throw new Unprocessable(InvoiceIssuer.WaitingForTaxIdentity);
                var invoice = invoices.Documents.First(d => d.Kind == InvoiceDocument.InvoiceKind);
                var pdf = await mediator.Send(new GetInvoicePdf(id, subOrderId, invoice.Number, user.UserId(), user.IsAdmin()), ct);
                return Pdf(pdf);
            })
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("The cooperative's invoice of a delivered sub-order, as PDF (the shopper, its staff, administrators)");

        orders.MapGet("/{id:guid}/sub-orders/{subOrderId:guid}/invoices", async (Guid id, Guid subOrderId, ClaimsPrincipal user, IMediator mediator,
                CancellationToken ct) =>
            {
                var invoices = await mediator.Send(new GetSubOrderInvoices(id, subOrderId, user.UserId(), user.IsAdmin()), ct);
                return TypedResults.Ok(new
                {
                    state = invoices.State,
                    items = invoices.Documents.Select(d => new { d.Number, d.Kind, d.IssuedAt, total = new Money(d.Total), d.Sha256 }),
                });
            })
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("The sub-order's invoice and credit notes (state: issued, not_delivered, waiting_tax_identity)");

        orders.MapGet("/{id:guid}/sub-orders/{subOrderId:guid}/invoices/{number}", async (Guid id, Guid subOrderId, string number,
                ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                Pdf(await mediator.Send(new GetInvoicePdf(id, subOrderId, number, user.UserId(), user.IsAdmin()), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("One invoice or credit note of the sub-order, as PDF, by its number");
    }

    /// <summary>The stored bytes, with their SHA-256 as the entity tag (an issued document never changes).</summary>
    private static IResult Pdf(InvoiceFile pdf) =>
        TypedResults.File(pdf.Content, "application/pdf", $"{pdf.Number}.pdf", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{pdf.Sha256}\""));
}

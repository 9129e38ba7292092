using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Orders.Payments.Cmi;

/// <summary>What CMI posted back about an attempt (every field it sent); answers the text CMI expects.</summary>
internal sealed record RecordCmiCallback(IReadOnlyDictionary<string, string> Fields) : IRequest<string>;

/// <summary>
/// API.md: the hash is computed again over every field received: wrong → "FAILURE", nothing changes. Right, oid known,
/// amount equal to the order's total, ProcReturnCode 00 → the order is paid once (keyed by CMI's transaction) and CMI is
/// told to capture ("ACTION=POSTAUTH"); declined → "APPROVED" and the attempt recorded as failed. A pre-authorisation that
/// would not pay the order (another amount, an order paid or cancelled) is never captured ("FAILURE"): no money is taken.
/// </summary>
internal sealed class RecordCmiCallbackHandler(IOrdersStore store, IMediator mediator, IOptions<CmiOptions> options,
    ILogger<RecordCmiCallbackHandler> logger) : IRequestHandler<RecordCmiCallback, string>
{
    public const string Capture = "ACTION=POSTAUTH";
    public const string Acknowledged = "APPROVED";
    public const string Refused = "FAILURE";

    public async Task<string> Handle(RecordCmiCallback cmd, CancellationToken ct)
    {
        var fields = cmd.Fields;
        if (!options.Value.IsConfigured || !CmiHash.Verifies(fields, options.Value.StoreKey!))
        {
            logger.LogWarning("CMI callback refused: its hash is wrong");
            return Refused;
        }
        string Field(string name) => fields.FirstOrDefault(f => f.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value ?? "";
        var order = await OrderOfAsync(Field("oid"), ct);
        if (order is null) return Refused;
        var transaction = Field("TransId") is { Length: > 0 } id ? id : Field("oid");
        var approved = Field("ProcReturnCode") == "00";
        if (!approved)
        {
            await mediator.Send(new RecordPaymentOutcome("cmi", $"{transaction}:{Field("ProcReturnCode")}", order.Id, order.Payment.Reference ?? "",
                false, null, Field("ErrMsg") is { Length: > 0 } why ? why : "declined"), ct);
            return Acknowledged;
        }
        if (!decimal.TryParse(Field("amount"), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture,
                out var amount) || amount != order.Total.Amount || Field("currency") != "504")
        {
            await mediator.Send(new RecordPaymentOutcome("cmi", $"{transaction}:amount", order.Id, order.Payment.Reference ?? "", false, null,
                $"amount_mismatch: received {Field("amount")}, expected {order.Total.Amount:0.00}"), ct);
            return Refused;
        }
        if (order.Payment.PaidAt is not null) return order.Payment.Reference == transaction ? Capture : Refused; // told again, or a second one
        if (order.Status != OrderStatus.PendingPayment) return Refused;
        await mediator.Send(new RecordPaymentOutcome("cmi", transaction, order.Id, transaction, true, order.Total, null), ct);
        return Capture;
    }

    private async Task<Order?> OrderOfAsync(string number, CancellationToken ct)
    {
        if (number.Length == 0) return null;
        await using var session = store.QuerySession();
        return await session.Query<Order>().FirstOrDefaultAsync(o => o.Number == number, ct);
    }
}

/// <summary>POST /api/payments/cmi/callback (form-encoded, from CMI's servers) and where CMI sends the shopper back.</summary>
internal static class CmiCallbackEndpoint
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payments/cmi/callback", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                if (!request.HasFormContentType) return Results.Text(RecordCmiCallbackHandler.Refused, "text/plain");
                var form = await request.ReadFormAsync(ct);
                var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
                return Results.Text(await mediator.Send(new RecordCmiCallback(fields), ct), "text/plain");
            })
            .AllowAnonymous().DisableAntiforgery().WithTags("Payments")
            .WithSummary("CMI's callback (its ver3 hash verified): ACTION=POSTAUTH, APPROVED or FAILURE");
        // CMI posts (or sends) the shopper's browser back here: on to the order's page, which says where the payment stands.
        app.MapMethods("/api/payments/cmi/return/{id:guid}", ["GET", "POST"], (Guid id, string? outcome) =>
                Results.Redirect($"/orders/{id}?payment={(outcome == "ok" ? "done" : "cancelled")}", permanent: false, preserveMethod: false))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }
}

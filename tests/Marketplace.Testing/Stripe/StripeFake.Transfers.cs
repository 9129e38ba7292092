using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Testing.Stripe;

/// <summary>
/// Stripe Connect transfers to connected accounts: POST /v1/transfers (destination, amount, currency, metadata,
/// transfer_group), GET /v1/transfers (newest first; created[gte|gt|lte|lt], destination, transfer_group, limit,
/// starting_after) and GET /v1/transfers/{id}. Any acct_... is a connected account that takes transfers, unless a test
/// says otherwise: <see cref="RefuseTransfersTo"/> (permanent), <see cref="FailNext"/> or <see cref="LoseNextAnswerTo"/>
/// (transient). A refusal is Stripe's 400 and, as at Stripe, the answer its idempotency key gets from then on.
/// </summary>
public sealed partial class StripeFake
{
    private readonly ConcurrentDictionary<string, JsonObject> transfers = new();
    private readonly ConcurrentDictionary<string, Trouble> troubles = new();

    /// <summary>What goes wrong with the next transfers to a destination: a refusal (Stripe's 400), or a lost answer (no code).</summary>
    private sealed record Trouble(int Times, string? Code, string? Message);

    /// <summary>The transfers made, by id (a copy of each, as Stripe would answer it).</summary>
    public IReadOnlyDictionary<string, JsonObject> Transfers => transfers.ToDictionary(t => t.Key, t => Copy(t.Value));

    /// <summary>
    /// The next <paramref name="times"/> transfers to <paramref name="destination"/> are refused for good (400
    /// invalid_request_error <paramref name="code"/>), as Stripe refuses an account that cannot take transfers.
    /// </summary>
    public void RefuseTransfersTo(string destination, int times = 1, string code = "insufficient_capabilities_for_transfer",
        string message = "Your destination account needs to have at least one of the following capabilities enabled: transfers.") =>
        troubles[destination] = new Trouble(times, code, message);

    /// <summary>
    /// The next transfer to <paramref name="destination"/> is made but its answer is lost: a 500 api_error, kept for no
    /// idempotency key (as when the connection drops once Stripe has made it).
    /// </summary>
    public void LoseNextAnswerTo(string destination) => troubles[destination] = new Trouble(1, null, null);

    /// <summary>A transfer made outside the platform (from Stripe's Dashboard, say): the platform knows nothing of it.</summary>
    public JsonObject AddTransfer(string destination, long amount, string currency = "mad") =>
        Copy(StoreTransfer(destination, amount, currency, null, new JsonObject(), null));

    /// <summary>Part of a transfer was taken back from the connected account (a reversal, from the Dashboard).</summary>
    public void Reverse(string transferId, long amount)
    {
        lock (transfers)
        {
            var transfer = Transfer(transferId);
            var reversed = (long)transfer["amount_reversed"]! + amount;
            if (reversed > (long)transfer["amount"]!) throw new InvalidOperationException("A reversal cannot exceed the transfer.");
            transfer["amount_reversed"] = reversed;
            transfer["reversed"] = reversed == (long)transfer["amount"]!;
        }
    }

    private void MapTransfers(RouteGroupBuilder v1)
    {
        v1.MapPost("/transfers", http => Answer(http, CreateTransfer));
        v1.MapGet("/transfers", http => Answer(http, ListTransfers));
        v1.MapGet("/transfers/{id}", http => Answer(http, _ => Copy(Transfer((string)http.GetRouteValue("id")!))));
    }

    private JsonObject CreateTransfer(IReadOnlyDictionary<string, string> form)
    {
        if (!form.TryGetValue("amount", out var amountText) || !long.TryParse(amountText, out var amount))
            throw new StripeFakeError(400, "invalid_request_error", "parameter_missing", "Missing required param: amount.");
        if (amount < 1) throw new StripeFakeError(400, "invalid_request_error", "parameter_invalid_integer", "Invalid positive integer");
        if (!form.TryGetValue("currency", out var currency) || currency.Length != 3 || currency != currency.ToLowerInvariant())
            throw new StripeFakeError(400, "invalid_request_error", "parameter_invalid_string", "Invalid currency: a lower-case ISO code.");
        var destination = form.GetValueOrDefault("destination")
            ?? throw new StripeFakeError(400, "invalid_request_error", "parameter_missing", "Missing required param: destination.");
        if (!destination.StartsWith("acct_", StringComparison.Ordinal))
            throw new StripeFakeError(400, "invalid_request_error", "resource_missing", $"No such destination: '{destination}'");
        var trouble = troubles.TryGetValue(destination, out var t) && t.Times > 0 ? troubles[destination] = t with { Times = t.Times - 1 } : null;
        if (trouble is { Code: { } code }) throw new StripeFakeError(400, "invalid_request_error", code, trouble.Message!);
        var transfer = StoreTransfer(destination, amount, currency, form.GetValueOrDefault("description"), Nested(form, "metadata"),
            form.GetValueOrDefault("transfer_group"));
        if (trouble is not null) throw new StripeFakeError(500, "api_error", null, "An unexpected error occurred (injected by the test).");
        return Copy(transfer);
    }

    private JsonObject StoreTransfer(string destination, long amount, string currency, string? description, JsonObject metadata, string? group)
    {
        var id = $"tr_{Token(24)}";
        var transfer = new JsonObject
        {
            ["id"] = id,
            ["object"] = "transfer",
            ["amount"] = amount,
            ["amount_reversed"] = 0L,
            ["balance_transaction"] = $"txn_{Token(24)}",
            ["created"] = Now(),
            ["currency"] = currency,
            ["description"] = description,
            ["destination"] = destination,
            ["destination_payment"] = $"py_{Token(24)}",
            ["livemode"] = false,
            ["metadata"] = metadata,
            ["reversals"] = new JsonObject
            {
                ["object"] = "list", ["data"] = new JsonArray(), ["has_more"] = false, ["total_count"] = 0, ["url"] = $"/v1/transfers/{id}/reversals",
            },
            ["reversed"] = false,
            ["source_transaction"] = null,
            ["source_type"] = "card",
            ["transfer_group"] = group,
        };
        transfers[id] = transfer;
        return transfer;
    }

    private JsonObject ListTransfers(IReadOnlyDictionary<string, string> query)
    {
        long? Bound(string name) => query.TryGetValue($"created[{name}]", out var v) ? long.Parse(v) : null;
        var (gte, gt, lte, lt) = (Bound("gte"), Bound("gt"), Bound("lte"), Bound("lt"));
        var limit = query.TryGetValue("limit", out var l) ? Math.Clamp(int.Parse(l), 1, 100) : 10;
        var all = transfers.Values.Select(Copy)
            .Where(t => (long)t["created"]! is var c && c >= (gte ?? long.MinValue) && c > (gt ?? long.MinValue)
                && c <= (lte ?? long.MaxValue) && c < (lt ?? long.MaxValue))
            .Where(t => !query.TryGetValue("destination", out var d) || (string)t["destination"]! == d)
            .Where(t => !query.TryGetValue("transfer_group", out var g) || (string?)t["transfer_group"] == g)
            .OrderByDescending(t => (long)t["created"]!).ThenByDescending(t => (string)t["id"]!, StringComparer.Ordinal).ToList();
        if (query.TryGetValue("starting_after", out var after))
            all = all.SkipWhile(t => (string)t["id"]! != after).Skip(1).ToList();
        return new JsonObject
        {
            ["object"] = "list", ["data"] = new JsonArray(all.Take(limit).ToArray<JsonNode?>()), ["has_more"] = all.Count > limit, ["url"] = "/v1/transfers",
        };
    }

    private JsonObject Transfer(string id) => transfers.TryGetValue(id, out var transfer) ? transfer
        : throw new StripeFakeError(404, "invalid_request_error", "resource_missing", $"No such transfer: '{id}'");
}

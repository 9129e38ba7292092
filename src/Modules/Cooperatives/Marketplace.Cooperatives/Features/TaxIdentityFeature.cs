using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>
/// What Moroccan invoices need of the seller: ICE (Identifiant Commun de l'Entreprise, 15 digits), IF (Identifiant Fiscal,
/// digits), the register number, the address, and VAT: exempt (cooperatives mostly are: CGI art. 91) or one of the
/// legal rates, included in the prices.
/// </summary>
internal sealed class SetTaxIdentityValidator : AbstractValidator<SetTaxIdentity>
{
    public static readonly decimal[] Rates = [0.07m, 0.10m, 0.14m, 0.20m];

    public SetTaxIdentityValidator()
    {
        RuleFor(x => x.Ice).Must(i => i is not null && Compact(i).Length == 15 && Compact(i).All(char.IsAsciiDigit))
            .WithMessage("ice is the company's ICE: 15 digits.");
        RuleFor(x => x.TaxId).Must(i => i is not null && Compact(i).Length is >= 1 and <= 12 && Compact(i).All(char.IsAsciiDigit))
            .WithMessage("taxId is the IF (identifiant fiscal): up to 12 digits.");
        RuleFor(x => x.RegisterNumber).Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= 40)
            .WithMessage("registerNumber is required, at most 40 characters.");
        RuleFor(x => x.Address).Must(a => !string.IsNullOrWhiteSpace(a) && a.Trim().Length <= 300)
            .WithMessage("address is required, at most 300 characters.");
        RuleFor(x => x.Vat).Must(v => VatRate(v, out _))
            .WithMessage("vat is \"exempt\" or a VAT rate: 0.20, 0.14, 0.10 or 0.07.");
    }

    public static string Compact(string value) => value.Replace(" ", "").Replace(".", "").Replace("-", "").Trim();

    /// <summary>"exempt" is null; "0.20" (or "0,20") is 0.20; anything else is not a VAT.</summary>
    public static bool VatRate(string? vat, out decimal? rate)
    {
        rate = null;
        if (vat?.Trim().ToLowerInvariant() == "exempt") return true;
        if (!decimal.TryParse(vat?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var r) || !Rates.Contains(r))
            return false;
        rate = r;
        return true;
    }
}

internal sealed class SetTaxIdentityHandler(ICooperativesStore store, TimeProvider clock) : IRequestHandler<SetTaxIdentity, TaxIdentity>
{
    public async Task<TaxIdentity> Handle(SetTaxIdentity cmd, CancellationToken ct)
    {
        SetTaxIdentityValidator.VatRate(cmd.Vat, out var rate);
        var now = clock.GetUtcNow();
        var tax = new TaxDetails(SetTaxIdentityValidator.Compact(cmd.Ice!), SetTaxIdentityValidator.Compact(cmd.TaxId!), cmd.RegisterNumber!.Trim(),
            cmd.Address!.Trim(), rate, now);
        var cooperative = await store.UpdateAsync(cmd.CooperativeId, c => Management.SetTaxIdentity(c, cmd.OwnerId, tax, now), ct);
        return TaxIdentities.Of(cooperative)!;
    }
}

internal sealed class GetTaxIdentityHandler(ICooperativesStore store) : IRequestHandler<GetTaxIdentity, TaxIdentity?>
{
    public async Task<TaxIdentity?> Handle(GetTaxIdentity query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return TaxIdentities.Of(await session.LoadAsync<Cooperative>(query.CooperativeId, ct));
    }
}

internal sealed class ViewTaxIdentityHandler(ICooperativesStore store) : IRequestHandler<ViewTaxIdentity, TaxIdentity>
{
    public async Task<TaxIdentity> Handle(ViewTaxIdentity query, CancellationToken ct)
    {
        var cooperative = await store.LoadAsync(query.CooperativeId, ct);
        Access.RequireStaffOrAdmin(cooperative, query.ViewerId, query.ViewerIsAdmin);
        return TaxIdentities.Of(cooperative) ?? throw new NotFound("The tax identity");
    }
}

internal static class TaxIdentities
{
    public static TaxIdentity? Of(Cooperative? c) => c?.Tax is { } t
        ? new TaxIdentity(c.Id, c.Name, t.Ice, t.TaxId, t.RegisterNumber, t.Address,
            t.VatRate is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "exempt", t.VatRate, t.SetAt)
        : null;
}

internal static class TaxIdentityEndpoints
{
    internal sealed record Body(string? Ice, string? TaxId, string? RegisterNumber, string? Address, System.Text.Json.JsonElement? Vat);
    internal sealed record View(string Ice, string TaxId, string RegisterNumber, string Address, string Vat, DateTimeOffset SetAt);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPut("/{id:guid}/tax-identity", async (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(Of(await mediator.Send(new SetTaxIdentity(id, user.UserId(), body.Ice, body.TaxId, body.RegisterNumber, body.Address,
                    Vat(body.Vat)), ct))))
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("Set what the cooperative's invoices say: ICE, IF, register number, address, VAT (\"exempt\" or a rate) (owner)");
        group.MapGet("/{id:guid}/tax-identity", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(Of(await mediator.Send(new ViewTaxIdentity(id, user.UserId(), user.IsAdmin()), ct))))
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("The cooperative's tax identity (staff and administrators); 404 while none is set");
    }

    /// <summary>vat is "exempt" or a rate, as a JSON string or number (0.2).</summary>
    private static string? Vat(System.Text.Json.JsonElement? vat) => vat?.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => StringOrRaw(vat.Value),
        System.Text.Json.JsonValueKind.Number => vat.Value.TryGetDecimal(out var rate) ? rate.ToString("0.00", CultureInfo.InvariantCulture)
            : vat.Value.GetRawText(), // 1e400: not a rate, refused by the validation
        _ => null,
    };

    /// <summary>The string, or its raw JSON when it is not valid UTF-16 (a lone surrogate): not a VAT, refused by the validation.</summary>
    private static string StringOrRaw(System.Text.Json.JsonElement value)
    {
        try { return value.GetString()!; }
        catch (InvalidOperationException) { return value.GetRawText(); }
    }

    private static View Of(TaxIdentity t) => new(t.Ice, t.TaxId, t.RegisterNumber, t.Address, t.Vat, t.SetAt);
}

using MediatR;

namespace Marketplace.Cooperatives.Contracts;

/// <summary>
/// The owner sets what the cooperative's invoices say (PUT /api/cooperatives/{id}/tax-identity and the cooperative space):
/// <paramref name="Ice"/> 15 digits, <paramref name="TaxId"/> (IF) digits, the register number, the address, and
/// <paramref name="Vat"/> "exempt" or a Moroccan rate ("0.20", "0.14", "0.10", "0.07"). Bad input is ValidationFailed with the
/// API's field names (ice, taxId, registerNumber, address, vat); not the owner: Forbidden.
/// </summary>
public sealed record SetTaxIdentity(Guid CooperativeId, Guid OwnerId, string? Ice, string? TaxId, string? RegisterNumber, string? Address,
    string? Vat) : IRequest<TaxIdentity>;

/// <summary>The tax identity of a cooperative with its names, for invoices; null while none is set (or unknown cooperative).</summary>
public sealed record GetTaxIdentity(Guid CooperativeId) : IRequest<TaxIdentity?>;

/// <summary>The tax identity for its staff and administrators (NotFound while none is set; a stranger: Forbidden).</summary>
public sealed record ViewTaxIdentity(Guid CooperativeId, Guid ViewerId, bool ViewerIsAdmin) : IRequest<TaxIdentity>;

/// <param name="Names">the cooperative's name by language.</param>
/// <param name="Vat">"exempt" or the rate ("0.20").</param>
/// <param name="VatRate">null when exempt.</param>
public sealed record TaxIdentity(Guid CooperativeId, IReadOnlyDictionary<string, string> Names, string Ice, string TaxId, string RegisterNumber,
    string Address, string Vat, decimal? VatRate, DateTimeOffset SetAt);

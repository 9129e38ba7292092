using MediatR;

namespace Marketplace.Cooperatives.Contracts;

// Commands that the HTTP API sends too, public so that demo data is loaded through the same rules (validation,
// uniqueness, events, audit trail). Bad input raises the platform's ValidationFailed, rule breaches DomainRuleViolated.

/// <summary>
/// <paramref name="ApplicantId"/> applies for a new cooperative and becomes its owner; it starts "pending".
/// Answers the cooperative's id. A registration number already used by another cooperative is refused
/// (DomainRuleViolated "registration_number_taken").
/// </summary>
/// <param name="Name">by language ("ar", "fr", "en", "zgh"); at least one of ar, fr, en.</param>
/// <param name="Province">a province code of the region, such as "taroudant".</param>
/// <param name="Sectors">up to 10 short words or category codes.</param>
/// <param name="Phone">Moroccan (06..., 05...) or international (+212 6..., +33 ...).</param>
public sealed record ApplyForCooperative(Guid ApplicantId, IReadOnlyDictionary<string, string> Name, string RegistrationNumber,
    string Province, IReadOnlyList<string> Sectors, string ContactEmail, string Phone,
    IReadOnlyDictionary<string, string>? Description, string? Invitation = null) : IRequest<Guid>;

/// <summary>
/// An administrator verifies a pending cooperative; answers the new status ("verified"). The caller checks that
/// <paramref name="AdminId"/> is an administrator (the HTTP route requires the admin role).
/// </summary>
public sealed record VerifyCooperative(Guid CooperativeId, Guid AdminId) : IRequest<string>;

/// <summary>
/// Staff member <paramref name="ActorId"/> sets the cooperative's delivery fee: <paramref name="FlatFee"/> per sub-order,
/// waived when the sub-order's items reach <paramref name="FreeAbove"/> (if set). At most 2 decimals; MAD.
/// </summary>
public sealed record SetShippingPolicy(Guid CooperativeId, Guid ActorId, decimal FlatFee, decimal? FreeAbove,
    string Currency = "MAD") : IRequest<ShippingPolicy>;

/// <summary>The cooperative that holds this registration number (case and spaces do not matter), or null.</summary>
public sealed record FindCooperativeByRegistrationNumber(string RegistrationNumber) : IRequest<Guid?>;

using MediatR;

namespace Marketplace.Programme.Contracts;

/// <summary>An administrator creates a fair; <paramref name="From"/> and <paramref name="To"/> are yyyy-MM-dd. Bad input is ValidationFailed.</summary>
public sealed record CreateFair(Guid AdminId, string? Name, string? Place, string? From, string? To) : IRequest<FairSummary>;

public sealed record FairSummary(Guid Id, string Name, string Place, DateOnly From, DateOnly To, int Exhibitors, int Joined);

/// <summary>The fairs, the latest first (anyone).</summary>
public sealed record ListFairs : IRequest<IReadOnlyList<FairSummary>>;

/// <summary>
/// An administrator brings a fair's exhibitor list onto the platform: a CSV with the columns name, province, sector,
/// phone, email, stand (a header line, in any order, separated by commas or semicolons). Each line is taken whole or
/// reported with its error; a stand already listed with the same details changes nothing, so importing a file again
/// changes nothing. Each new exhibitor is sent its invitation.
/// </summary>
public sealed record ImportExhibitors(Guid FairId, Guid AdminId, byte[] File) : IRequest<ExhibitorImport>;

/// <param name="Imported">new exhibitors.</param>
/// <param name="Updated">listed exhibitors whose details the file changed.</param>
/// <param name="Invited">exhibitors this import invited (by e-mail and SMS, as configured): the new ones, and those whose contact changed before they applied.</param>
public sealed record ExhibitorImport(int Imported, int Updated, int Unchanged, int Invited, IReadOnlyList<ExhibitorImportError> Errors);

/// <param name="Line">the line of the file, the header being line 1.</param>
public sealed record ExhibitorImportError(int Line, string Message);

/// <summary>A fair and its exhibitors as anyone sees them: a cooperative is named once it is verified (NotFound when no such fair).</summary>
public sealed record GetFair(Guid FairId) : IRequest<PublicFair>;

public sealed record PublicFair(FairSummary Fair, IReadOnlyList<PublicExhibitor> Exhibitors);

/// <param name="CooperativeId">its cooperative on the platform, once verified; null before.</param>
public sealed record PublicExhibitor(string Stand, string Name, string Province, string Sector, Guid? CooperativeId);

/// <summary>A fair with its exhibitors' contacts, invitations and cooperatives (administrators).</summary>
public sealed record GetFairForAdmin(Guid FairId) : IRequest<AdminFair>;

public sealed record AdminFair(FairSummary Fair, IReadOnlyList<AdminExhibitor> Exhibitors);

/// <param name="InvitationPath">the site path of its invitation ("/invitations/{token}").</param>
/// <param name="CooperativeStatus">pending, verified or suspended once it applied; null before.</param>
public sealed record AdminExhibitor(string Stand, string Name, string Province, string Sector, string Phone, string? Email,
    string InvitationPath, DateTimeOffset? InvitedAt, Guid? CooperativeId, string? CooperativeStatus);

/// <summary>
/// An administrator links an exhibitor to a cooperative already on the platform (given by id or registration number),
/// which need not apply again. ValidationFailed for an unknown cooperative; DomainRuleViolated "exhibitor_linked" when the
/// exhibitor is linked to another one; linking it to the same one again changes nothing.
/// </summary>
public sealed record LinkExhibitor(Guid FairId, string Stand, Guid? CooperativeId, string? RegistrationNumber, Guid AdminId) : IRequest<AdminExhibitor>;

/// <summary>Where a stand's QR code leads: the site path of its cooperative's page once verified, else of its invitation (NotFound when no such stand).</summary>
public sealed record GetStandTarget(Guid FairId, string Stand) : IRequest<string>;

/// <summary>The exhibitor an invitation is for, to fill in the application form (null when no such invitation).</summary>
public sealed record GetInvitation(string Token) : IRequest<Invitation?>;

/// <param name="Province">a province code of Provinces.</param>
/// <param name="CooperativeId">the cooperative that applied with this invitation; null while none has.</param>
public sealed record Invitation(string Token, Guid FairId, string FairName, string Stand, string Name, string Province, string Sector,
    string Phone, string? Email, Guid? CooperativeId);

/// <summary>An exhibitor is invited to apply: Notifications writes to its e-mail and phone with the link to its invitation.</summary>
/// <param name="Phone">E.164.</param>
public sealed record ExhibitorInvitedIntegrationEvent(Guid EventId, Guid FairId, string FairName, string Stand, string Name, string? Email,
    string Phone, string Token, DateTimeOffset At) : INotification;

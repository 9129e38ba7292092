using MediatR;

namespace Marketplace.Accounts.Contracts;

/// <summary>How to write to these users (for notifications); unknown ids and suspended accounts are left out.</summary>
public sealed record GetContacts(IReadOnlyList<Guid> Ids) : IRequest<IReadOnlyList<Contact>>;

/// <summary>How to write to the platform's administrators (those not suspended).</summary>
public sealed record GetAdministratorContacts : IRequest<IReadOnlyList<Contact>>;

/// <param name="Language">the language the user reads the platform in: "ar", "fr", "en" or "zgh".</param>
/// <param name="Marketing">the user accepts marketing e-mails (service e-mails are always sent).</param>
public sealed record Contact(Guid Id, string Email, string DisplayName, string Language, bool Marketing);

/// <summary>The user's e-mail settings (GET /api/accounts/me/notifications and the account page).</summary>
public sealed record GetNotificationSettings(Guid UserId) : IRequest<NotificationSettings>;

/// <summary>
/// Turns marketing e-mails on or off and/or changes the language of the user's e-mails; at least one of the two
/// (ValidationFailed "marketing" otherwise; "language" when it is not ar, fr, en or zgh). Service e-mails have no setting.
/// </summary>
public sealed record ChangeNotificationSettings(Guid UserId, bool? Marketing, string? Language) : IRequest<NotificationSettings>;

public sealed record NotificationSettings(bool Marketing, string Language);

using FluentValidation;
using Marketplace.Accounts.Contracts;
using Marketplace.Accounts.Domain;
using Marketplace.Accounts.Limits;
using Marketplace.BuildingBlocks;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Accounts.Features;

internal sealed class RegisterValidator : AbstractValidator<RegisterUser>
{
    public RegisterValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(x => x.Password).NotEmpty().MinimumLength(8).MaximumLength(128);
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(100)
            .Must(n => n is null || n.Trim().Length > 0).WithMessage("'Display Name' must not be blank.");
    }
}

internal sealed class RegisterHandler(IAccountsStore store, Passwords passwords, AttemptLimits limits, TimeProvider clock) : IRequestHandler<RegisterUser, Guid>
{
    public async Task<Guid> Handle(RegisterUser cmd, CancellationToken ct)
    {
        await limits.RegistrationAsync(cmd.ClientAddress, ct);
        var user = new UserAccount
        {
            Id = Guid.CreateVersion7(),
            Email = UserAccount.NormaliseEmail(cmd.Email!),
            DisplayName = cmd.DisplayName!.Trim(),
            RegisteredAt = clock.GetUtcNow(),
            Language = LocalizedText.Languages.Contains(cmd.Language ?? "") ? cmd.Language : Language.Default,
        };
        user.PasswordHash = passwords.Hash(user, cmd.Password!);
        await using var session = store.LightweightSession();
        if (await session.Query<UserAccount>().AnyAsync(u => u.Email == user.Email, ct)) throw EmailTaken();
        session.Insert(user);
        try { await session.SaveChangesAsync(ct); }
        catch (Exception ex) when (ex.IsUniqueViolation()) { throw EmailTaken(); }
        return user.Id;
    }

    private static DomainRuleViolated EmailTaken() => new("email_taken", "An account with this e-mail already exists.");
}

internal static class RegisterEndpoint
{
    internal sealed record Registered(Guid Id);
    internal sealed record Body(string? Email, string? Password, string? DisplayName);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/register",
            async (Body body, HttpContext http, IMediator mediator, CancellationToken ct) => TypedResults.Created("/api/accounts/me",
                new Registered(await mediator.Send(new RegisterUser(body.Email, body.Password, body.DisplayName, http.ClientAddress(),
                    Language.Of(http)), ct))))
        .AllowAnonymous()
        .WithSummary("Register a shopper account");
}

using System.Net;
using FluentValidation;
using Marketplace.Accounts.Auth;
using Marketplace.Accounts.Contracts;
using Marketplace.Accounts.Domain;
using Marketplace.BuildingBlocks;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Accounts.Features;

/// <summary>Sign in for the API: a bearer access token.</summary>
internal sealed record Login(string? Email, string? Password, IPAddress? ClientAddress) : IRequest<Login.Token>
{
    internal sealed record Body(string? Email, string? Password);

    internal sealed record Token(string AccessToken, int ExpiresIn, string TokenType);
}

internal sealed class LoginValidator : AbstractValidator<Login>
{
    public LoginValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
    }
}

internal sealed class SignInWithPasswordValidator : AbstractValidator<SignInWithPassword>
{
    public SignInWithPasswordValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
    }
}

internal sealed class LoginHandler(CredentialCheck credentials, AccessTokens tokens) : IRequestHandler<Login, Login.Token>
{
    public async Task<Login.Token> Handle(Login cmd, CancellationToken ct)
    {
        var (token, expiresIn) = tokens.Issue(await credentials.VerifyAsync(cmd.Email!, cmd.Password!, cmd.ClientAddress, ct));
        return new Login.Token(token, expiresIn, "Bearer");
    }
}

/// <summary>Sign in for the web pages, which put the answer in a cookie.</summary>
internal sealed class SignInWithPasswordHandler(CredentialCheck credentials) : IRequestHandler<SignInWithPassword, SignedInUser>
{
    public async Task<SignedInUser> Handle(SignInWithPassword cmd, CancellationToken ct)
    {
        var user = await credentials.VerifyAsync(cmd.Email!, cmd.Password!, cmd.ClientAddress, ct);
        return new SignedInUser(user.Id, user.Email, user.DisplayName, user.Roles, user.SecurityStamp);
    }
}

internal static class LoginEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/login",
            async (Login.Body body, HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Login(body.Email, body.Password, http.ClientAddress()), ct)))
        .AllowAnonymous()
        .WithSummary("Sign in: a bearer access token");
}

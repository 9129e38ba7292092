using Marketplace.Accounts.Contracts;
using Marketplace.BuildingBlocks;
using MediatR;

namespace Marketplace.Accounts.Integration;

internal sealed class EnsureUserHandler(IMediator mediator) : IRequestHandler<EnsureUser, Guid>
{
    public async Task<Guid> Handle(EnsureUser cmd, CancellationToken ct)
    {
        if (await mediator.Send(new FindUserByEmail(cmd.Email), ct) is { } existing) return existing.Id;
        try
        {
            return await mediator.Send(new RegisterUser(cmd.Email, cmd.Password, cmd.DisplayName, ClientAddress: null), ct);
        }
        catch (DomainRuleViolated e) when (e.Code == "email_taken")
        {
            return (await mediator.Send(new FindUserByEmail(cmd.Email), ct))!.Id; // registered at the same moment elsewhere
        }
    }
}

using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Certification.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Certification.Features;

internal sealed class ReviewCertificateHandler(ICertificationStore store, TimeProvider clock) : IRequestHandler<ReviewCertificate, CertificateInfo>
{
    public async Task<CertificateInfo> Handle(ReviewCertificate cmd, CancellationToken ct)
    {
        if (!cmd.Verify && (string.IsNullOrWhiteSpace(cmd.Reason) || cmd.Reason.Trim().Length > 500))
            throw new ValidationFailed("reason", "reason tells the cooperative what is wrong (up to 500 characters).");
        return await Concurrency.RetryOnConflictAsync(async () =>
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Certificate>(cmd.CertificateId, ct);
            var certificate = stream.Aggregate ?? throw new NotFound("The certificate");
            var (now, today) = (clock.GetUtcNow(), SubmitCertificateHandler.Today(clock));
            var decided = cmd.Verify ? CertificateDecisions.Verify(certificate, cmd.AdminId, today, now)
                : CertificateDecisions.Reject(certificate, cmd.Reason!.Trim(), cmd.AdminId, now);
            stream.AppendOne(decided);
            if (decided is CertificateVerified v) certificate.Apply(v);
            else certificate.Apply((CertificateRejected)decided);
            await ProductLabelRules.RefreshAsync(session, certificate, today, now, ct);
            await session.SaveChangesAsync(ct);
            return CertificateView.Of(certificate);
        }, ct);
    }
}

internal static class ReviewCertificateEndpoints
{
    internal sealed record RejectBody(string? Reason);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/certificates/{id:guid}/verify", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReviewCertificate(id, user.UserId(), true, null), ct)))
            .WithSummary("Verify a certificate: its labels show on the products it covers (admin)");
        admin.MapPost("/certificates/{id:guid}/reject", async (Guid id, RejectBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReviewCertificate(id, user.UserId(), false, body.Reason), ct)))
            .WithSummary("Reject a certificate, or withdraw a verified one, with a reason (admin)");
    }
}

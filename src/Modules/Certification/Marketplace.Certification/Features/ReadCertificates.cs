using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Certification.Domain;
using Marketplace.Cooperatives.Contracts;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Certification.Features;

/// <summary>
/// A cooperative's certificates: all of them, with status and reasons, for its staff and administrators; the verified
/// ones' public summaries for anyone else. One certificate's summary; its document (staff and administrators); the
/// administrators' queue (submitted first, oldest first).
/// </summary>
internal static class ReadCertificatesEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cooperatives/{id:guid}/certificates", async (Guid id, ClaimsPrincipal user, ICertificationStore store, IMediator mediator,
                CancellationToken ct) =>
            {
                var full = await MaySeeAllAsync(id, user, mediator, ct);
                await using var session = store.QuerySession();
                var all = await session.Query<Certificate>().Where(c => c.CooperativeId == id).OrderByDescending(c => c.SubmittedAt).ToListAsync(ct);
                return full
                    ? Results.Ok(new { items = all.Select(CertificateView.Of) })
                    : Results.Ok(new { items = all.Where(c => c.Status == CertificateStatus.Verified).Select(CertificateSummary.Of) });
            })
            .WithTags("Certificates").WithSummary("A cooperative's certificates (staff, admin; anyone sees the verified ones' summaries)");
        app.MapGet("/api/certificates/{id:guid}", async (Guid id, ClaimsPrincipal user, ICertificationStore store, IMediator mediator, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var c = await session.LoadAsync<Certificate>(id, ct) ?? throw new NotFound("The certificate");
                if (await MaySeeAllAsync(c.CooperativeId, user, mediator, ct)) return Results.Ok(CertificateView.Of(c));
                return c.Status is CertificateStatus.Verified or CertificateStatus.Expired ? Results.Ok(CertificateSummary.Of(c)) : throw new NotFound("The certificate");
            })
            .WithTags("Certificates").WithSummary("A certificate's public summary: issuer, identifier, validity (anyone, once verified)");
        app.MapGet("/api/certificates/{id:guid}/document", async (Guid id, ClaimsPrincipal user, ICertificationStore store, IMediator mediator, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var c = await session.LoadAsync<Certificate>(id, ct) ?? throw new NotFound("The certificate");
                if (!await MaySeeAllAsync(c.CooperativeId, user, mediator, ct)) throw new Forbidden("The document is for the cooperative's staff and administrators.");
                var file = await session.LoadAsync<CertificateFile>(id, ct) ?? throw new NotFound("The document");
                return Results.File(file.Content, file.ContentType, $"certificate-{c.Identifier}{Extension(file.ContentType)}");
            })
            .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Certificates").WithSummary("A certificate's document (staff, admin)");
        app.MapGet("/api/admin/certificates", async (string? status, ICertificationStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var wanted = status ?? CertificateStatus.Submitted;
                var items = await session.Query<Certificate>().Where(c => c.Status == wanted).OrderBy(c => c.SubmittedAt).Take(200).ToListAsync(ct);
                return Results.Ok(new { items = items.Select(CertificateView.Of) });
            })
            .RequireAuthorization(Identity.Policies.Admin).WithTags("Certificates").WithSummary("Certificates waiting for a check, oldest first (admin)");
    }

    private static async Task<bool> MaySeeAllAsync(Guid cooperativeId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        if (user.IsAdmin()) return true;
        var access = await mediator.Send(new GetCooperativeAccess(cooperativeId, user.UserId()), ct) ?? throw new NotFound("The cooperative");
        return access.IsStaff;
    }

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf", "image/jpeg" => ".jpg", "image/png" => ".png", _ => ".webp",
    };
}

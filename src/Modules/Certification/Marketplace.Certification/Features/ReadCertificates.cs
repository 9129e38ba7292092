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
internal sealed class ReadCertificatesHandler(ICertificationStore store, IMediator mediator) :
    IRequestHandler<GetCooperativeCertificates, IReadOnlyList<CertificateInfo>>,
    IRequestHandler<GetCertificateQueue, IReadOnlyList<CertificateInfo>>, IRequestHandler<GetCooperativeLabels, IReadOnlyDictionary<Guid, IReadOnlyList<string>>>
{
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> Handle(GetCooperativeLabels query, CancellationToken ct)
    {
        var ids = query.CooperativeIds.Distinct().ToArray();
        if (ids.Length == 0) return new Dictionary<Guid, IReadOnlyList<string>>();
        await using var session = store.QuerySession();
        var verified = await session.Query<Certificate>().Where(c => c.CooperativeId.IsOneOf(ids) && c.Status == CertificateStatus.Verified).ToListAsync(ct);
        return verified.Where(c => c.IsValidOn(query.Day) && CertificateKinds.LabelOf.GetValueOrDefault(c.Kind) is not null).ToLookup(c => c.CooperativeId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(c => CertificateKinds.LabelOf[c.Kind]!).Distinct().Order().ToList());
    }

    public async Task<IReadOnlyList<CertificateInfo>> Handle(GetCooperativeCertificates query, CancellationToken ct)
    {
        if (!query.ViewerIsAdmin)
        {
            var access = await mediator.Send(new GetCooperativeAccess(query.CooperativeId, query.ViewerId), ct) ?? throw new NotFound("The cooperative");
            if (!access.IsStaff) throw new Forbidden("A cooperative's certificates are for its staff and administrators.");
        }
        await using var session = store.QuerySession();
        var all = await session.Query<Certificate>().Where(c => c.CooperativeId == query.CooperativeId).OrderByDescending(c => c.SubmittedAt).ToListAsync(ct);
        return all.Select(CertificateView.Of).ToList();
    }

    public async Task<IReadOnlyList<CertificateInfo>> Handle(GetCertificateQueue query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var items = await session.Query<Certificate>().Where(c => c.Status == query.Status).OrderBy(c => c.SubmittedAt).Take(200).ToListAsync(ct);
        return items.Select(CertificateView.Of).ToList();
    }
}

internal static class ReadCertificatesEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cooperatives/{id:guid}/certificates", async (Guid id, ClaimsPrincipal user, ICertificationStore store, IMediator mediator,
                CancellationToken ct) =>
            {
                if (await MaySeeAllAsync(id, user, mediator, ct))
                    return Results.Ok(new { items = await mediator.Send(new GetCooperativeCertificates(id, user.UserId(), user.IsAdmin()), ct) });
                await using var session = store.QuerySession();
                var verified = await session.Query<Certificate>().Where(c => c.CooperativeId == id && c.Status == CertificateStatus.Verified)
                    .OrderByDescending(c => c.SubmittedAt).ToListAsync(ct);
                return Results.Ok(new { items = verified.Select(CertificateSummary.Of) });
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
                return Results.File(file.Content, file.ContentType, $"certificate-{c.Id:N}{Extension(file.ContentType)}");
            })
            .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Certificates").WithSummary("A certificate's document (staff, admin)");
        app.MapGet("/api/admin/certificates", async (string? status, IMediator mediator, CancellationToken ct) =>
                Results.Ok(new { items = await mediator.Send(new GetCertificateQueue(status ?? CertificateStatus.Submitted), ct) }))
            .RequireAuthorization(Identity.Policies.Admin).WithTags("Certificates").WithSummary("Certificates waiting for a check, oldest first (admin)");
    }

    /// <summary>Staff of the cooperative or an administrator (NotFound for an unknown cooperative, whoever asks).</summary>
    private static async Task<bool> MaySeeAllAsync(Guid cooperativeId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        var signedIn = user.Identity?.IsAuthenticated == true;
        var access = await mediator.Send(new GetCooperativeAccess(cooperativeId, signedIn ? user.UserId() : Guid.Empty), ct)
            ?? throw new NotFound("The cooperative");
        return signedIn && (user.IsAdmin() || access.IsStaff);
    }

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf", "image/jpeg" => ".jpg", "image/png" => ".png", _ => ".webp",
    };
}

using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Certification.Domain;
using Marketplace.Cooperatives.Contracts;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Certification.Features;

/// <summary>Staff send a certificate with its document (PDF or image, at most 5 MB): it waits for an administrator to check it.</summary>
internal sealed class SubmitCertificateHandler(ICertificationStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<SubmitCertificate, CertificateInfo>
{
    public async Task<CertificateInfo> Handle(SubmitCertificate cmd, CancellationToken ct)
    {
        var access = await mediator.Send(new GetCooperativeAccess(cmd.CooperativeId, cmd.ActorId), ct) ?? throw new NotFound("The cooperative");
        if (!access.IsStaff) throw new Forbidden("Only the cooperative's staff send its certificates.");
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];
        if (cmd.Kind is null || !CertificateKinds.All.Contains(cmd.Kind)) Error("kind", $"kind is one of {string.Join(", ", CertificateKinds.All)}.");
        if (string.IsNullOrWhiteSpace(cmd.Identifier) || cmd.Identifier.Trim().Length > 60) Error("identifier", "identifier is the certificate's number (up to 60 characters).");
        if (string.IsNullOrWhiteSpace(cmd.Issuer) || cmd.Issuer.Trim().Length > 120) Error("issuer", "issuer is the body that issued it (up to 120 characters).");
        var from = Day(cmd.ValidFrom);
        var to = Day(cmd.ValidTo);
        if (from is null) Error("validFrom", "validFrom is a date: yyyy-MM-dd.");
        if (to is null) Error("validTo", "validTo is a date: yyyy-MM-dd.");
        else if (from is not null && to < from) Error("validTo", "validTo cannot be before validFrom.");
        else if (to < Today(clock)) Error("validTo", "This certificate has already expired.");
        var ids = cmd.ProductIds.Select(p => Guid.TryParse(p, out var id) ? id : Guid.Empty).Distinct().ToList();
        if (ids.Contains(Guid.Empty) || ids.Count > 200) Error("productIds", "productIds are the ids of the cooperative's products it covers.");
        var contentType = cmd.Content is { Length: > 0 } bytes ? DocumentFormats.Sniff(bytes) : null;
        if (cmd.Length == 0 || cmd.Content is null && cmd.Length <= DocumentFormats.MaxBytes) Error("file", "Send the certificate's document in the field 'file'.");
        else if (cmd.Length > DocumentFormats.MaxBytes) Error("file", "A certificate's document is at most 5 MB.");
        else if (contentType is null) Error("file", "A certificate's document is a PDF or an image (JPEG, PNG, WebP).");
        if (errors.Count > 0) throw new ValidationFailed(errors);
        if (ids.Count > 0)
        {
            var products = await mediator.Send(new GetProductsForCheckout(ids), ct);
            if (products.Count != ids.Count || products.Any(p => p.CooperativeId != cmd.CooperativeId))
                throw new ValidationFailed("productIds", "A certificate covers products of its own cooperative only.");
        }
        var id = Guid.CreateVersion7();
        await using var session = store.LightweightSession();
        session.Events.StartStream<Certificate>(id, new CertificateSubmitted(id, cmd.CooperativeId, cmd.Kind!, cmd.Identifier!.Trim(), cmd.Issuer!.Trim(),
            from!.Value, to!.Value, ids, contentType!, cmd.Length, cmd.ActorId, clock.GetUtcNow()));
        session.Store(new CertificateFile { Id = id, ContentType = contentType!, Content = cmd.Content! });
        await session.SaveChangesAsync(ct);
        return CertificateView.Of((await session.LoadAsync<Certificate>(id, ct))!);
    }

    internal static DateOnly? Day(string? value) => IsoDay.Parse(value);

    internal static DateOnly Today(TimeProvider clock) => MoroccoTime.Today(clock);
}

internal static class SubmitCertificateEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/certificates",
            async (Guid id, ClaimsPrincipal user, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                    throw new ValidationFailed("file", "Send the certificate as multipart/form-data: the document in 'file' and its fields.");
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                var content = await file.ReadAsync(DocumentFormats.MaxBytes, ct);
                var certificate = await mediator.Send(new SubmitCertificate(id, user.UserId(), form["kind"], form["identifier"], form["issuer"],
                    form["validFrom"], form["validTo"], form["productIds"].Where(p => !string.IsNullOrEmpty(p)).Select(p => p!).ToList(), content, file?.Length ?? 0), ct);
                return TypedResults.Created($"/api/certificates/{certificate.Id}", certificate);
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .DisableAntiforgery()
        .WithSummary("Send a certificate (staff): multipart, 'file' (PDF or image, at most 5 MB), kind, identifier, issuer, validFrom, validTo, productIds");
}

using Marketplace.BuildingBlocks;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using QRCoder;

namespace Marketplace.Programme.Fairs;

/// <summary>The fairs as anyone reads them, their administration view, the stands' QR codes and the invitations.</summary>
internal static class FairEndpoints
{
    public static void MapPublic(IEndpointRouteBuilder app)
    {
        var fairs = app.MapGroup("/api/fairs").WithTags("Fairs");
        fairs.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListFairs(), ct)))
            .WithSummary("The fairs, the latest first (anyone)");
        fairs.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetFair(id), ct)))
            .WithSummary("A fair and its exhibitors, with their cooperatives once verified (anyone)");
        fairs.MapGet("/{id:guid}/stands/{stand}/qr.png", async (Guid id, string stand, HttpRequest request, IConfiguration config,
                IMediator mediator, CancellationToken ct) =>
            {
                var target = PublicAddress.Of(config, request) + await mediator.Send(new GetStandTarget(id, stand), ct);
                request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
                return TypedResults.File(QrPng(target), "image/png");
            })
            .WithSummary("A QR code (PNG) to the stand's cooperative page, or to its invitation while it has none (anyone)");
        app.MapGet("/api/invitations/{token}", async (string token, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetInvitation(token), ct) is { } invitation ? TypedResults.Ok(invitation) : throw new NotFound("The invitation"))
            .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Fairs")
            .WithSummary("The exhibitor an invitation is for, to fill in the application (signed in, with the invitation's link)");
    }

    public static void MapAdmin(RouteGroupBuilder admin)
    {
        admin.MapGet("/fairs", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListFairs(), ct)))
            .WithSummary("The fairs (admin)");
        admin.MapGet("/fairs/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetFairForAdmin(id), ct)))
            .WithSummary("A fair's exhibitors with their contacts, invitation links and cooperatives (admin)");
    }

    /// <summary>A QR code at 8 pixels a module, with error correction M (a stand's sign may be creased).</summary>
    public static byte[] QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}

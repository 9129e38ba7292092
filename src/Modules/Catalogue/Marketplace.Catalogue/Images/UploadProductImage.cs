using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Features;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Catalogue.Images;

/// <param name="Content">the file's bytes; null when none was sent or it is too large to read.</param>
internal sealed record UploadProductImage(Guid CooperativeId, Guid ProductId, Guid ActingUserId, byte[]? Content, long Length)
    : IRequest<ProductViews.ImageView>;

internal sealed class UploadProductImageValidator : AbstractValidator<UploadProductImage>
{
    public UploadProductImageValidator()
    {
        RuleFor(x => x.Length)
            .GreaterThan(0).OverridePropertyName("file").WithMessage("An image file is required (multipart field 'file').")
            .LessThanOrEqualTo(ImageFormats.MaxBytes).WithMessage("An image is at most 5 MB.");
        RuleFor(x => x.Content)
            .Must(c => c is not null && ImageFormats.Sniff(c) is not null).OverridePropertyName("file").WithMessage("An image is a JPEG, PNG or WebP file.")
            .When(x => x.Length > 0 && x.Length <= ImageFormats.MaxBytes);
    }
}

internal sealed class UploadProductImageHandler(ICatalogueStore store, IFileStorage files, IMediator mediator, TimeProvider clock)
    : IRequestHandler<UploadProductImage, ProductViews.ImageView>
{
    public async Task<ProductViews.ImageView> Handle(UploadProductImage cmd, CancellationToken ct)
    {
        await mediator.RequireStaffAsync(cmd.CooperativeId, cmd.ActingUserId, mustBeVerified: false, ct);
        var (contentType, extension) = ImageFormats.Sniff(cmd.Content!)!.Value;
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<Product>(cmd.ProductId, ct);
        var product = stream.Aggregate.OfCooperative(cmd.CooperativeId);
        var imageId = Guid.CreateVersion7();
        var key = $"products/{product.Id:N}/{imageId:N}.{extension}";
        var position = product.Images.Count + 1; // read before saving: the inline snapshot may update this instance
        stream.AppendOne(ProductDecisions.AddImage(product, imageId, key, contentType, cmd.Content!.LongLength, cmd.ActingUserId, clock.GetUtcNow()));
        await files.SaveAsync(key, cmd.Content, ct);
        try { await session.SaveChangesAsync(ct); }
        catch
        {
            await files.DeleteAsync(key, CancellationToken.None); // nothing stored when the change is refused
            throw;
        }
        return new ProductViews.ImageView(imageId, ProductViews.ImageUrl(product.Id, imageId), contentType, cmd.Content.LongLength,
            position);
    }
}

internal static class UploadProductImageEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/{productId:guid}/images",
            async (Guid cooperativeId, Guid productId, ClaimsPrincipal user, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var userId = user.UserId();
                if (!request.HasFormContentType)
                    throw new ValidationFailed("file", "Send the image as multipart/form-data, in the field 'file'.");
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
                var content = await file.ReadAsync(ImageFormats.MaxBytes, ct);
                var image = await mediator.Send(new UploadProductImage(cooperativeId, productId, userId, content, file?.Length ?? 0), ct);
                return TypedResults.Created(image.Url, image);
            })
        .DisableAntiforgery()
        .WithSummary("Add an image (staff): multipart field 'file', JPEG, PNG or WebP, at most 5 MB");
}

using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Tourism.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Tourism.Features;

/// <summary>Photos of experiences, like products': checked by their bytes, stored in the Host's file storage, appended to the experience's stream.</summary>
internal sealed class AddExperiencePhotoHandler(ITourismStore store, IFileStorage files, IMediator mediator, TimeProvider clock)
    : IRequestHandler<AddExperiencePhoto, string>
{
    public async Task<string> Handle(AddExperiencePhoto cmd, CancellationToken ct)
    {
        if (cmd.Length <= 0) throw new ValidationFailed("file", "A photo is required (multipart field 'file').");
        if (cmd.Length > ImageFormats.MaxBytes) throw new ValidationFailed("file", "A photo is at most 5 MB.");
        if (cmd.Content is null || ImageFormats.Sniff(cmd.Content) is not var (contentType, extension))
            throw new ValidationFailed("file", "A photo is a JPEG, PNG or WebP file.");
        await mediator.RequireStaffAsync(cmd.CooperativeId, cmd.ActorId, mustBeVerified: false, ct);
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<Experience>(cmd.ExperienceId, ct);
        if (stream.Aggregate is not { } experience || experience.CooperativeId != cmd.CooperativeId) throw new NotFound("The experience");
        if (experience.Photos.Count >= Experience.MaxPhotos)
            throw new DomainRuleViolated("too_many_photos", $"An experience has at most {Experience.MaxPhotos} photos.");
        var photoId = Guid.CreateVersion7();
        var key = $"experiences/{experience.Id:N}/{photoId:N}.{extension}";
        stream.AppendOne(new ExperiencePhotoAdded(experience.Id, photoId, key, contentType, cmd.Content.LongLength, cmd.ActorId, clock.GetUtcNow()));
        await files.SaveAsync(key, cmd.Content, ct);
        try { await session.SaveChangesAsync(ct); }
        catch
        {
            await files.DeleteAsync(key, CancellationToken.None); // nothing stored when the change is refused
            throw;
        }
        return ExperienceViews.PhotoUrl(experience.Id, photoId);
    }
}

internal static class ExperiencePhotoEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cooperatives/{id:guid}/experiences/{experienceId:guid}/photos",
                async (Guid id, Guid experienceId, ClaimsPrincipal user, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                {
                    if (!request.HasFormContentType) throw new ValidationFailed("file", "Send the photo as multipart/form-data, in the field 'file'.");
                    var file = (await request.ReadFormAsync(ct)).Files.GetFile("file");
                    var url = await mediator.Send(new AddExperiencePhoto(id, experienceId, user.UserId(), await file.ReadAsync(ImageFormats.MaxBytes, ct), file?.Length ?? 0), ct);
                    return TypedResults.Created(url, new { url });
                })
            .RequireAuthorization(Identity.Policies.SignedIn).DisableAntiforgery().WithTags("Solidarity tourism")
            .WithSummary("Add a photo to an experience (staff): multipart field 'file', JPEG, PNG or WebP, at most 5 MB, 8 photos at most");
        app.MapGet("/api/experiences/{experienceId:guid}/photos/{photoId:guid}",
                async (Guid experienceId, Guid photoId, HttpContext http, ClaimsPrincipal user, ITourismStore store, IFileStorage files, IMediator mediator,
                    CancellationToken ct) =>
                {
                    await using var session = store.QuerySession();
                    var experience = await session.LoadAsync<Experience>(experienceId, ct);
                    var photo = experience?.Photos.Find(p => p.Id == photoId) ?? throw new NotFound("The photo");
                    var summary = (await mediator.Send(new GetCooperativeSummaries([experience!.CooperativeId]), ct)).FirstOrDefault();
                    var isPublic = summary?.Status == CooperativeStatus.Verified;
                    if (!isPublic && !(user.IsAdmin() || user.ViewerId() is { } viewer
                            && (await mediator.Send(new GetCooperativeAccess(experience.CooperativeId, viewer), ct))?.IsStaff == true))
                        throw new NotFound("The photo");
                    var content = await files.OpenAsync(photo.FileKey, ct) ?? throw new NotFound("The photo");
                    return StoredImages.Serve(http, content, photo.ContentType, photo.Id, photo.AddedAt, isPublic);
                })
            .AllowAnonymous().WithTags("Solidarity tourism")
            .WithSummary("A photo of an experience, cacheable for a year (its cooperative's staff and administrators only while it is not verified)");
    }
}

using System.Security.Claims;
using System.Text.Json;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Tourism.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Tourism.Features;

internal sealed class CreateExperienceHandler(ITourismStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<CreateExperience, ExperienceView>
{
    public async Task<ExperienceView> Handle(CreateExperience cmd, CancellationToken ct)
    {
        await mediator.RequireStaffAsync(cmd.CooperativeId, cmd.ActorId, mustBeVerified: true, ct);
        var fields = ExperienceRules.Fields(cmd.Input);
        var province = (await mediator.Send(new GetCooperativeSummaries([cmd.CooperativeId]), ct)).Single().Province;
        var created = new ExperienceCreated(Guid.CreateVersion7(), cmd.CooperativeId, province, fields, cmd.ActorId, clock.GetUtcNow());
        await using var session = store.LightweightSession();
        session.Events.StartStream<Experience>(created.ExperienceId, created);
        await session.SaveChangesAsync(ct);
        var experience = new Experience();
        experience.Apply(created);
        return ExperienceViews.Of(experience, [], "fr", clock.GetUtcNow());
    }
}

/// <summary>The checks of an experience's fields: every fault is reported at once, by field.</summary>
internal static class ExperienceRules
{
    public static ExperienceFields Fields(ExperienceInput input)
    {
        var errors = new Dictionary<string, string[]>();
        void Fault(string field, string message) => errors[field] = [message];
        var title = Multilingual.Clean(input.Title);
        if (!Multilingual.HasMainLanguage(title) || !Multilingual.OnlyLanguages(title) || title.Values.Any(t => t.Length > 150))
            Fault("title", "A title in at least one of ar, fr, en (languages ar, fr, en, zgh), at most 150 characters.");
        var description = Multilingual.Clean(input.Description);
        if (!Multilingual.OnlyLanguages(description) || description.Values.Any(t => t.Length > 4000))
            Fault("description", "A description by language (ar, fr, en, zgh), at most 4000 characters.");
        var included = Multilingual.Clean(input.Included);
        if (!Multilingual.OnlyLanguages(included) || included.Values.Any(t => t.Length > 1000))
            Fault("included", "What is included, by language (ar, fr, en, zgh), at most 1000 characters.");
        var bring = Multilingual.Clean(input.Bring);
        if (!Multilingual.OnlyLanguages(bring) || bring.Values.Any(t => t.Length > 1000))
            Fault("bring", "What to bring, by language (ar, fr, en, zgh), at most 1000 characters.");
        var meeting = input.MeetingPoint?.Trim() ?? "";
        if (meeting.Length is 0 or > 300) Fault("meetingPoint", "The meeting point is required (at most 300 characters).");
        if (input.Latitude is not null != input.Longitude is not null || input.Latitude is < -90 or > 90 || input.Longitude is < -180 or > 180)
            Fault("latitude", "The meeting point's coordinates are a latitude (-90 to 90) and a longitude (-180 to 180), both or none.");
        if (input.DurationMinutes is not (>= 15 and <= 20_160)) Fault("durationMinutes", "durationMinutes is from 15 minutes to 14 days.");
        var languages = (input.Languages ?? []).Select(l => l?.Trim().ToLowerInvariant() ?? "").Distinct().ToList();
        if (languages.Count is 0 or > 10 || languages.Any(l => !System.Text.RegularExpressions.Regex.IsMatch(l, "^[a-z]{2,3}$")))
            Fault("languages", "The languages spoken, as codes (ar, fr, en, zgh, es...): one at least, at most 10.");
        if (input.PricePerPerson is not (> 0 and <= 100_000)) Fault("pricePerPerson", "pricePerPerson is an amount in MAD above 0.");
        if (input.ChildPrice is < 0 || input.ChildPrice > input.PricePerPerson) Fault("childPrice", "childPrice is at most the price per person.");
        if (input.PrivateGroupMinimum is <= 0 or > 1_000_000) Fault("privateGroupMinimum", "privateGroupMinimum is an amount in MAD above 0.");
        if (input.MinimumAge is < 0 or > 99) Fault("minimumAge", "minimumAge is from 0 to 99.");
        if (input.Accessibility?.Trim().Length > 500) Fault("accessibility", "accessibility is at most 500 characters.");
        if (!CancellationPolicies.All.Contains(input.Cancellation ?? "")) Fault("cancellation", "cancellation is 24h, 72h or 7d.");
        if (errors.Count > 0) throw new ValidationFailed(errors);
        static Money? Mad(decimal? amount) => amount is { } a ? new Money(a) : null;
        return new ExperienceFields(title, description, meeting, input.Latitude, input.Longitude, input.DurationMinutes!.Value, languages,
            included, input.MinimumAge, string.IsNullOrWhiteSpace(input.Accessibility) ? null : input.Accessibility.Trim(),
            new Money(input.PricePerPerson!.Value), Mad(input.ChildPrice), Mad(input.PrivateGroupMinimum), input.Cancellation!, bring);
    }
}

internal static class CreateExperienceEndpoint
{
    /// <param name="MeetingPoint">a text, or {text, latitude, longitude}.</param>
    internal sealed record Body(JsonElement? Title, JsonElement? Description, JsonElement? MeetingPoint, double? Latitude, double? Longitude,
        int? DurationMinutes, List<string>? Languages, JsonElement? Included, int? MinimumAge, string? Accessibility, JsonElement? PricePerPerson,
        JsonElement? ChildPrice, JsonElement? PrivateGroupMinimum, string? Cancellation, JsonElement? Bring = null);

    public static void Map(RouteGroupBuilder cooperatives) => cooperatives.MapPost("/{id:guid}/experiences",
            async (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var (meeting, latitude, longitude) = MeetingPoint(body);
                var input = new ExperienceInput(JsonInput.Texts(body.Title, "title"), JsonInput.Texts(body.Description, "description"), meeting,
                    latitude, longitude, body.DurationMinutes, body.Languages, JsonInput.Texts(body.Included, "included"), body.MinimumAge,
                    body.Accessibility, JsonInput.Amount(body.PricePerPerson, "pricePerPerson"), JsonInput.Amount(body.ChildPrice, "childPrice"),
                    JsonInput.Amount(body.PrivateGroupMinimum, "privateGroupMinimum"), body.Cancellation,
                    JsonInput.Texts(body.Bring, "bring"));
                var created = await mediator.Send(new CreateExperience(id, user.UserId(), input), ct);
                return TypedResults.Created($"/api/experiences/{created.Id}", created);
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Offer a visit, a workshop or a stay: its texts, meeting point, duration, languages, price per person and cancellation policy (staff of a verified cooperative)");

    private static (string? Text, double? Latitude, double? Longitude) MeetingPoint(Body body)
    {
        if (body.MeetingPoint is not { ValueKind: JsonValueKind.Object } point)
            return (body.MeetingPoint is { ValueKind: JsonValueKind.String } text ? JsonInput.Read(text, "meetingPoint") : null, body.Latitude,
                body.Longitude);
        double? Number(string name) => point.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number ? n.GetDouble() : null;
        return (point.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? JsonInput.Read(t, "meetingPoint") : null,
            Number("latitude") ?? body.Latitude, Number("longitude") ?? body.Longitude);
    }
}

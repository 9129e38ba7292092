using Marketplace.BuildingBlocks;
using Marketplace.Tourism.Domain;

namespace Marketplace.Tourism.Features;

internal static class ExperienceViews
{
    public static ExperienceView Of(Experience e, IEnumerable<Slot> slots, string language, DateTimeOffset now)
    {
        var f = e.Fields;
        return new ExperienceView(e.Id, e.CooperativeId, LocalizedText.Pick(f.Title, language), f.Title, LocalizedText.Pick(f.Description, language),
            f.Description, f.MeetingPoint, f.Latitude, f.Longitude, f.DurationMinutes, f.Languages, LocalizedText.Pick(f.Included, language),
            f.MinimumAge, f.Accessibility, f.PricePerPerson.Amount, f.ChildPrice?.Amount, f.PrivateGroupMinimum?.Amount, f.Cancellation, e.Province,
            slots.OrderBy(s => s.StartsAt).Select(s => Of(s, now)).ToList(), f.PricePerPerson.Currency,
            Bring: LocalizedText.Pick(f.Bring ?? [], language), Photos: e.Photos.Select(p => PhotoUrl(e.Id, p.Id)).ToList());
    }

    public static string PhotoUrl(Guid experienceId, Guid photoId) => $"/api/experiences/{experienceId}/photos/{photoId}";

    public static SlotView Of(Slot s, DateTimeOffset now) =>
        new(s.Id, s.ExperienceId, LocalTime.InCasablanca(s.StartsAt), s.Capacity, s.SeatsLeft, s.Status, LocalTime.InCasablanca(s.BookableUntil),
            s.IsBookable(now));
}

using Marketplace.BuildingBlocks;

namespace Marketplace.Tourism.Domain;

/// <summary>What the cooperative offers, as the staff wrote it (texts cleaned, by language).</summary>
internal sealed record ExperienceFields(Dictionary<string, string> Title, Dictionary<string, string> Description, string MeetingPoint,
    double? Latitude, double? Longitude, int DurationMinutes, List<string> Languages, Dictionary<string, string> Included, int? MinimumAge,
    string? Accessibility, Money PricePerPerson, Money? ChildPrice, Money? PrivateGroupMinimum, string Cancellation,
    Dictionary<string, string>? Bring = null);

/// <param name="Province">the cooperative's, for the shop's filters.</param>
[EventName("tourism.experience_created")]
internal sealed record ExperienceCreated(Guid ExperienceId, Guid CooperativeId, string Province, ExperienceFields Fields, Guid By, DateTimeOffset At)
    : IDomainEvent;

/// <summary>A photo of the experience, stored under <paramref name="FileKey"/> in the Host's file storage.</summary>
[EventName("tourism.experience_photo_added")]
internal sealed record ExperiencePhotoAdded(Guid ExperienceId, Guid PhotoId, string FileKey, string ContentType, long Size, Guid By, DateTimeOffset At)
    : IDomainEvent;

internal sealed record ExperiencePhoto(Guid Id, string FileKey, string ContentType, DateTimeOffset AddedAt);

/// <summary>A visit, a workshop or a stay a cooperative hosts (a stream per experience, its snapshot inline).</summary>
internal sealed class Experience
{
    public Guid Id { get; set; }
    public Guid CooperativeId { get; set; }
    public string Province { get; set; } = "";
    public ExperienceFields Fields { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Folded titles of every language, for the shop's search.</summary>
    public string SearchText { get; set; } = "";
    public List<ExperiencePhoto> Photos { get; set; } = [];

    public const int MaxPhotos = 8;

    public void Apply(ExperiencePhotoAdded e) => Photos.Add(new ExperiencePhoto(e.PhotoId, e.FileKey, e.ContentType, e.At));

    public void Apply(ExperienceCreated e)
    {
        (Id, CooperativeId, Province, Fields, CreatedAt) = (e.ExperienceId, e.CooperativeId, e.Province, e.Fields, e.At);
        SearchText = Multilingual.Fold(string.Join(' ', e.Fields.Title.Values));
    }
}

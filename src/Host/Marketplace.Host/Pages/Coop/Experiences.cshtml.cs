using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Tourism.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop;

/// <summary>The cooperative's visits, workshops and stays: offer one, and open its slots one by one or for a season.</summary>
public sealed class ExperiencesModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{
    [BindProperty] public ExperienceForm Input { get; set; } = new();
    [BindProperty] public SlotForm Slot { get; set; } = new();
    public IReadOnlyList<ExperienceView> Experiences { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Experiences = await Mediator.Send(new ListCooperativeExperiences(Id, UserId, Lang), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var title = Languages(("ar", Input.TitleAr), ("fr", Input.TitleFr));
            var description = Languages(("ar", Input.DescriptionAr), ("fr", Input.DescriptionFr));
            await Mediator.Send(new CreateExperience(Id, UserId, new ExperienceInput(title, description, Input.MeetingPoint, null, null,
                Input.DurationMinutes, Input.Languages, null, Input.MinimumAge, null, CoopForms.ParseAmount(Input.Price),
                CoopForms.ParseAmount(Input.ChildPrice), null, Input.Cancellation, Languages(("ar", Input.BringAr), ("fr", Input.BringFr)))), ct);
            return Confirm(T["coop.experiences.created"]);
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T, "Input.", (f, _) => $"coop.experiences.error.{f}"); }
        catch (Forbidden) { Problem = T["coop.experiences.unverified"]; }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSlotsAsync(Guid experienceId, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            if (Slot.Weekday is { } weekday)
                await Mediator.Send(new OpenSlotSeries(Id, experienceId, UserId, Slot.Date, Slot.Until, [weekday], Slot.Time, Slot.Capacity), ct);
            else
                await Mediator.Send(new OpenSlot(Id, experienceId, UserId, $"{Slot.Date}T{Slot.Time}", Slot.Capacity), ct);
            return Confirm(T["coop.experiences.slots.opened"]);
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T, "Slot.", (f, _) => $"coop.experiences.error.{f}"); }
        catch (NotFound) { return NotFound(); }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPhotoAsync(Guid experienceId, IFormFile? file, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            await Mediator.Send(new AddExperiencePhoto(Id, experienceId, UserId, await file.ReadAsync(ImageFormats.MaxBytes, ct), file?.Length ?? 0), ct);
            return Confirm(T["coop.image.added"]);
        }
        catch (ValidationFailed failed) { Problem = string.Join(" ", failed.Errors.SelectMany(e => e.Value)); }
        catch (DomainRuleViolated refused) { Problem = refused.Message; }
        await OnGetAsync(ct);
        return Page();
    }

    private static Dictionary<string, string> Languages(params (string Language, string? Text)[] texts) =>
        texts.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToDictionary(t => t.Language, t => t.Text!.Trim());
}

public sealed class ExperienceForm
{
    public string? Title { get; set; } // the errors of the whole title
    public string? TitleAr { get; set; }
    public string? TitleFr { get; set; }
    public string? DescriptionAr { get; set; }
    public string? DescriptionFr { get; set; }
    public string? BringAr { get; set; }
    public string? BringFr { get; set; }
    public string? MeetingPoint { get; set; }
    public int? DurationMinutes { get; set; }
    public List<string> Languages { get; set; } = [];
    public int? MinimumAge { get; set; }
    public string? Price { get; set; }
    public string? ChildPrice { get; set; }
    public string? Cancellation { get; set; }
    public string? PricePerPerson { get; set; } // the errors of the price
}

/// <summary>A slot on a day at a time, or, with a weekday, every such weekday from the day until another.</summary>
public sealed class SlotForm
{
    public string? Date { get; set; }
    public string? Time { get; set; }
    public int? Capacity { get; set; }
    public int? Weekday { get; set; }
    public string? Until { get; set; }
    public string? StartsAt { get; set; } // the errors of the start
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Weekdays { get; set; }
}

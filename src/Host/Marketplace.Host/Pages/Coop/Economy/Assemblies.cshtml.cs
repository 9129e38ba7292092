using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Economy.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop.Economy;

/// <summary>A decision as the form sends it (blank rows are left out).</summary>
public sealed class DecisionForm
{
    public string? Text { get; set; }
    public string? For { get; set; }
    public string? Against { get; set; }
    public string? Abstain { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(For) && string.IsNullOrWhiteSpace(Against);

    public DecisionInput ToInput() => new(Text, Count(For), Count(Against), Count(Abstain));

    private static int? Count(string? typed) => string.IsNullOrWhiteSpace(typed) ? 0 : CoopForms.ParseWhole(typed) ?? -1;
}

/// <summary>The cooperative's general assemblies, and the form to record one: who attended (present, represented), the decisions, the minutes.</summary>
public sealed class AssembliesModel(IMediator mediator, Texts texts, TimeProvider clock) : CoopPageModel(mediator, texts)
{
    public const string Present = "present", Represented = "represented", Absent = "absent";

    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Kind { get; set; } = AssemblyKinds.Ordinary;
    [BindProperty] public Dictionary<Guid, string> Attendance { get; set; } = [];
    [BindProperty] public List<DecisionForm> Decisions { get; set; } = [];
    [BindProperty] public string? Minutes { get; set; }
    public IReadOnlyList<AssemblyRecord> Assemblies { get; private set; } = [];
    public IReadOnlyList<CooperativeMember> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Assemblies = await Mediator.Send(new GetAssemblies(Id, UserId), ct);
        Members = (await Mediator.Send(new GetCooperativeMembers(Id, UserId), ct)).Items.Where(m => m.IsCurrent).ToList();
        while (Decisions.Count < 3) Decisions.Add(new DecisionForm());
        if (Request.Method == "GET") Date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            List<Guid> Who(string how) => Attendance.Where(a => a.Value == how).Select(a => a.Key).ToList();
            var assembly = await Mediator.Send(new HoldAssembly(Id, UserId, Date, Kind, Who(Present), Who(Represented),
                Decisions.Where(d => !d.IsBlank).Select(d => d.ToInput()).ToList(), Minutes), ct);
            Done = T["economy.assembly.recorded"];
            return Redirect($"/coop/{Id}/assemblies/{assembly.Id}");
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T, special: (f, _) => $"economy.error.{f}"); }
        await OnGetAsync(ct);
        return Page();
    }
}

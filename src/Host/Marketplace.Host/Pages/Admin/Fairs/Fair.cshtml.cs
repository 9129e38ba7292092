using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Programme.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin.Fairs;

/// <summary>/admin/fairs/{id}: import the exhibitors' CSV (the errors by line), their invitation links to print or send, who applied.</summary>
public sealed class FairModel(IMediator mediator, Texts texts, IConfiguration config) : AdminPage
{
    public AdminFair Fair { get; private set; } = null!;
    public ExhibitorImport? Result { get; private set; }
    public string? Problem { get; private set; }
    public string? LinkProblem { get; private set; }
    public string BaseUrl => PublicAddress.Of(config, Request);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try { Fair = await mediator.Send(new GetFairForAdmin(id), ct); }
        catch (NotFound) { return NotFound(); }
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) Problem = texts["admin.fairs.import.nofile"];
        else if (file.Length > 1024 * 1024) Problem = texts["admin.fairs.import.toolarge"];
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            try { Result = await mediator.Send(new ImportExhibitors(id, AdminId, buffer.ToArray()), ct); }
            catch (ValidationFailed failed) { Problem = string.Join(" ", failed.Errors.SelectMany(e => e.Value)); }
            catch (NotFound) { return NotFound(); }
        }
        return await OnGetAsync(id, ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, string? stand, string? registrationNumber, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new LinkExhibitor(id, stand ?? "", null, registrationNumber, AdminId), ct);
            Notice = texts["admin.fairs.linked"];
            return Redirect($"/admin/fairs/{id}");
        }
        catch (ValidationFailed) { LinkProblem = texts["admin.fairs.link.unknown"]; }
        catch (DomainRuleViolated) { LinkProblem = texts["admin.fairs.link.other"]; }
        catch (NotFound) { return NotFound(); }
        return await OnGetAsync(id, ct);
    }
}

using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Coop;

/// <summary>The cooperative whose space a page shows, and what the signed-in user may do in it.</summary>
public sealed record CoopContext(Guid Id, string Name, string Status, bool IsOwner)
{
    public bool IsVerified => Status == CooperativeStatus.Verified;
}

/// <summary>
/// A page of one cooperative's space (/coop/{id}/...). Only its staff see it (owner-only pages: its owner): others get
/// the 403 page, an unknown cooperative the 404 page. Rights are asked of the Cooperatives module at every request.
/// A module's NotFound or Forbidden while the page works becomes the 404 or 403 page too.
/// </summary>
public abstract class CoopPageModel(IMediator mediator, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "id")] public Guid Id { get; set; }

    public CoopContext Coop { get; private set; } = null!;
    protected IMediator Mediator => mediator;
    protected Texts T => texts;
    protected Guid UserId => User.UserId();
    protected static string Lang => PageLanguage.Current;

    /// <summary>The confirmation of the last change (post-redirect-get).</summary>
    [TempData] public string? Done { get; set; }

    /// <summary>A refusal to show at the top of the page (role="alert").</summary>
    public string? Problem { get; protected set; }

    protected virtual bool OwnerOnly => false;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var access = await mediator.Send(new GetCooperativeAccess(Id, UserId), HttpContext.RequestAborted);
        if (access is null) { context.Result = NotFound(); return; }
        if (!access.IsStaff || (OwnerOnly && !access.IsOwner)) { context.Result = StatusCode(StatusCodes.Status403Forbidden); return; }
        var summary = (await mediator.Send(new GetCooperativeSummaries([Id]), HttpContext.RequestAborted)).FirstOrDefault();
        Coop = new CoopContext(Id, Format.Text(summary?.Name), access.Status, access.IsOwner);
        ViewData["Coop"] = Coop;
        var executed = await next();
        if (executed.ExceptionHandled) return;
        if (executed.Exception is NotFound) (executed.Result, executed.ExceptionHandled) = (NotFound(), true);
        else if (executed.Exception is Forbidden) (executed.Result, executed.ExceptionHandled) = (StatusCode(StatusCodes.Status403Forbidden), true);
    }

    /// <summary>Back to this page after a change, with a confirmation (post-redirect-get).</summary>
    protected IActionResult Confirm(string message, object? routeValues = null)
    {
        Done = message;
        return Redirect(Request.Path + (routeValues is null ? "" : QueryOf(routeValues)));
    }

    private static string QueryOf(object values) => QueryString.Create(values.GetType().GetProperties()
        .Select(p => new KeyValuePair<string, string?>(p.Name, p.GetValue(values)?.ToString()))
        .Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();
}

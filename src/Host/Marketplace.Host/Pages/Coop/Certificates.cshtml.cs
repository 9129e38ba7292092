using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Certification.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop;

/// <summary>
/// The cooperative's certificates (IGP, AOP, ONSSA...): send one with its document and the products it covers, and
/// follow its check (submitted, verified, rejected with the reason, expired). A label shows on a product only once verified.
/// </summary>
public sealed class CertificatesModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Identifier { get; set; }
    [BindProperty] public string? Issuer { get; set; }
    [BindProperty] public string? ValidFrom { get; set; }
    [BindProperty] public string? ValidTo { get; set; }
    [BindProperty] public List<string> ProductIds { get; set; } = [];
    [BindProperty] public IFormFile? Document { get; set; }
    public IReadOnlyList<CertificateInfo> Certificates { get; private set; } = [];
    public IReadOnlyList<StaffProductItem> Products { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Certificates = await Mediator.Send(new GetCooperativeCertificates(Id, UserId), ct);
        Products = (await Mediator.Send(new GetStaffProducts(Id, UserId, Lang, PageSize: 100), ct)).Items;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var content = await Document.ReadAsync(5 * 1024 * 1024, ct);
        try
        {
            await Mediator.Send(new SubmitCertificate(Id, UserId, Kind, Identifier, Issuer, ValidFrom, ValidTo, ProductIds, content, Document?.Length ?? 0), ct);
            return Confirm(T["coop.certificates.sent"]);
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T, special: (f, _) => $"coop.certificates.error.{f}"); }
        await OnGetAsync(ct);
        return Page();
    }
}

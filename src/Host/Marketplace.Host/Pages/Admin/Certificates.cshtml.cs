using Marketplace.BuildingBlocks;
using Marketplace.Certification.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin;

/// <summary>The certificates waiting for a check (oldest first): read the document, verify it, or reject it with a reason the cooperative reads.</summary>
public sealed class CertificatesModel(IMediator mediator, Texts texts) : AdminPage
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty] public Guid CertificateId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public IReadOnlyList<CertificateInfo> Items { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Status is not (CertificateStatus.Verified or CertificateStatus.Rejected or CertificateStatus.Expired)) Status = CertificateStatus.Submitted;
        Items = await mediator.Send(new GetCertificateQueue(Status), ct);
        Names = await CooperativeNamesAsync(mediator, Items.Select(i => i.CooperativeId), ct);
    }

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken ct) => ReviewAsync(true, ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) => ReviewAsync(false, ct);

    private async Task<IActionResult> ReviewAsync(bool verify, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new ReviewCertificate(CertificateId, AdminId, verify, Reason), ct);
            Notice = texts[verify ? "admin.certificates.verified" : "admin.certificates.rejected"];
            return Redirect("/admin/certificates");
        }
        catch (ValidationFailed) { Problem = texts["admin.certificates.reason.needed"]; }
        catch (Exception e) when (e is DomainRuleViolated or Unprocessable or Marketplace.BuildingBlocks.NotFound) { Problem = texts["admin.certificates.cannot"]; }
        await OnGetAsync(ct);
        return Page();
    }
}

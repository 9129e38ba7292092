using Marketplace.Certification.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>/certificates/{id}: what stands behind a label: who issued the certificate, its number, its validity, its cooperative.</summary>
public sealed class CertificateModel(IMediator mediator) : PageModel
{
    public PublicCertificate Certificate { get; private set; } = null!;
    public string CooperativeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new GetCertificateSummary(id), ct) is not { } certificate) return NotFound();
        Certificate = certificate;
        CooperativeName = Format.Text((await mediator.Send(new GetCooperativeSummaries([certificate.CooperativeId]), ct)).FirstOrDefault()?.Name);
        return Page();
    }
}

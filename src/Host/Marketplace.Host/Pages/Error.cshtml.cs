using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages;

[AllowAnonymous, IgnoreAntiforgeryToken, ResponseCache(NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string MessageKey { get; private set; } = "error.other";

    public void OnGet(int? status) => Describe(status);
    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        var code = status ?? 500;
        MessageKey = code is 404 or 403 or 429 or 503 ? $"error.{code}" : "error.other";
        if (code is >= 400 and < 600) Response.StatusCode = code;
    }
}

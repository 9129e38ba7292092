using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Infrastructure;

/// <summary>
/// Writes a problem (RFC 9457) whatever the client's Accept header says: the problem-details service declines when
/// Accept names no JSON type, and an API client would then get an HTML error page or plain text (API.md: every error is
/// a problem).
/// </summary>
internal static class ApiProblems
{
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem, Exception? exception = null)
    {
        context.Response.StatusCode = problem.Status ?? context.Response.StatusCode;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception })) return;
        problem.Extensions["traceId"] = context.TraceIdentifier;
        await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    /// <summary>For UseStatusCodePages: an empty 4xx/5xx answer of the API becomes a problem of that status.</summary>
    public static Task WriteStatusAsync(StatusCodeContext status) => WriteAsync(status.HttpContext, new ProblemDetails
    {
        Status = status.HttpContext.Response.StatusCode,
        Title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status.HttpContext.Response.StatusCode),
    });
}

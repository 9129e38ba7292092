using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Infrastructure;

/// <summary>
/// Input that no module can store or look up, refused before it reaches one: a NUL character or broken UTF-16 in the
/// query string or a route value (PostgreSQL text cannot hold NUL: the query would fail with a 500) is a 400; an
/// all-zero id in a route is a 404 (ids are GUID v7: none is empty, and Marten refuses an empty stream id with an
/// exception). JSON bodies are covered by <see cref="SafeStringJsonConverter"/>.
/// </summary>
internal sealed class HostileInput(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        foreach (var (key, values) in context.Request.Query)
            if (!SafeStringJsonConverter.IsSafe(key) || values.Any(v => v is not null && !SafeStringJsonConverter.IsSafe(v)))
            {
                await ApiProblems.WriteAsync(context, new ProblemDetails
                    { Status = 400, Title = "Bad request", Detail = $"The query parameter '{Printable(key)}' holds a NUL character or broken Unicode." });
                return;
            }
        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value is string text && !SafeStringJsonConverter.IsSafe(text))
            {
                await ApiProblems.WriteAsync(context, new ProblemDetails { Status = 400, Title = "Bad request", Detail = $"The path holds a NUL character or broken Unicode ({key})." });
                return;
            }
            if (value is string id && Guid.TryParse(id, out var guid) && guid == Guid.Empty && context.Request.Path.StartsWithSegments("/api"))
            {
                await ApiProblems.WriteAsync(context, new ProblemDetails { Status = 404, Title = "Not Found", Detail = $"No such {key}." });
                return;
            }
        }
        await next(context);
    }

    private static string Printable(string key) => SafeStringJsonConverter.IsSafe(key) ? key : "?";
}

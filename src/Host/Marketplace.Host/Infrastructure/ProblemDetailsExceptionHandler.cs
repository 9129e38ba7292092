using System.Net.Sockets;
using JasperFx;
using JasperFx.Events;
using Marketplace.BuildingBlocks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Marketplace.Host.Infrastructure;

/// <summary>
/// The one place where failures become RFC 9457 problem details: 400 bad input (with field errors), 401, 403,
/// 404, 409 rules and concurrency, 422, 429, 503 when the database is unreachable, and 500 without internals.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested) return true;
        if (IsPageRequest(context)) return false; // the error page (UseExceptionHandler's path) answers people
        var problem = Describe(exception, context);
        if (problem.Status >= 500) logger.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = problem.Status!.Value;
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception })) return true;
        // The Accept header names no JSON type: a problem all the same, with its own status (not the error page's 500).
        await ApiProblems.WriteAsync(context, problem, exception);
        return true;
    }

    private static ProblemDetails Describe(Exception exception, HttpContext context) => exception switch
    {
        ValidationFailed v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            { Status = 400, Title = "Invalid input", Detail = v.Message },
        // A body that says multipart or form but is not (or exceeds the form limits): bad input, not our failure.
        IOException { Source: "Microsoft.AspNetCore.WebUtilities" } or InvalidDataException { Source: "Microsoft.AspNetCore.WebUtilities" } =>
            Problem(400, "Bad request", "The body is not a well-formed form: " + exception.Message),
        BadHttpRequestException b => new ProblemDetails
            { Status = b.StatusCode, Title = b.StatusCode == 413 ? "Request too large" : "Bad request", Detail = Readable(b) },
        NotFound n => Problem(404, "Not found", n.Message),
        Forbidden f => Problem(403, "Forbidden", f.Message),
        Unauthenticated u => Problem(401, "Not signed in", u.Message),
        Unprocessable u => Problem(422, "Unprocessable request", u.Message),
        TooManyAttempts t => RetryAfter(context, t.RetryAfter, Problem(429, "Too many attempts", t.Message)),
        DependencyUnavailable d => RetryAfter(context, d.RetryAfter, Problem(503, "Service unavailable", d.Message)),
        DomainRuleViolated d => WithCode(Problem(409, "Conflict", d.Message), d.Code, d.Details),
        ConcurrencyException or ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.Events.EventStreamUnexpectedMaxEventIdException =>
            Problem(409, "Conflict", "Someone else changed this at the same time: read it again and retry."),
        _ when IsDatabaseUnavailable(exception) =>
            RetryAfter(context, TimeSpan.FromSeconds(5), Problem(503, "Service unavailable", "The service is briefly unavailable: retry in a few seconds.")),
        _ => Problem(500, "Unexpected error", "Something went wrong on our side. It has been logged."),
    };

    private static bool IsPageRequest(HttpContext context) => !context.Request.Path.StartsWithSegments("/api")
        && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails WithCode(ProblemDetails problem, string code, IReadOnlyDictionary<string, object?> details)
    {
        problem.Extensions["code"] = code;
        foreach (var (key, value) in details) problem.Extensions[key] = value;
        return problem;
    }

    private static ProblemDetails RetryAfter(HttpContext context, TimeSpan after, ProblemDetails problem)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString();
        return problem;
    }

    /// <summary>The JSON reader's message says what and where (path, line); never a stack or a type name.</summary>
    private static string Readable(BadHttpRequestException b) => b.InnerException switch
    {
        System.Text.Json.JsonException j => TypeName().Replace(j.Message, "the expected shape"),
        _ => b.Message,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=converted to )[\w.+`\[\], ]+?(?=\. Path)")]
    private static partial System.Text.RegularExpressions.Regex TypeName();

    private static bool IsDatabaseUnavailable(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
                or PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" })
                return true;
        return false;
    }
}

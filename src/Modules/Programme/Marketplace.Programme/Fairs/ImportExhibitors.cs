using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Marketplace.BuildingBlocks;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Programme.Fairs;

internal sealed class ImportExhibitorsHandler(IProgrammeStore store, TimeProvider clock) : IRequestHandler<ImportExhibitors, ExhibitorImport>
{
    public async Task<ExhibitorImport> Handle(ImportExhibitors cmd, CancellationToken ct)
    {
        var lines = ExhibitorCsv.Parse(cmd.File);
        var errors = lines.Where(l => l.Error is not null).Select(l => new ExhibitorImportError(l.Number, l.Error!)).ToList();
        var firstLineOf = new Dictionary<string, int>();
        var valid = new List<ExhibitorDetails>();
        foreach (var line in lines.Where(l => l.Details is not null))
        {
            if (firstLineOf.TryGetValue(line.Details!.Stand, out var first))
                errors.Add(new ExhibitorImportError(line.Number, $"stand {line.Details.Stand} is on line {first} already."));
            else { firstLineOf[line.Details.Stand] = line.Number; valid.Add(line.Details); }
        }
        var result = await Concurrency.RetryOnConflictAsync(async () =>
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Fair>(cmd.FairId, ct);
            var fair = stream.Aggregate ?? throw new NotFound("The fair");
            var (imported, updated, unchanged, invited) = (0, 0, 0, 0);
            var now = clock.GetUtcNow();
            foreach (var line in valid) // one line per stand: a line's events do not change what the next line finds
            {
                var isNew = fair.Stand(line.Stand) is null;
                var events = ExhibitorDecisions.Import(fair, line, NewToken, now);
                if (events.Count == 0) { unchanged++; continue; }
                if (isNew) imported++; else updated++;
                invited += events.Count(e => e is ExhibitorInvited);
                stream.AppendMany(events.Cast<object>().ToArray());
            }
            await session.SaveChangesAsync(ct);
            return (imported, updated, unchanged, invited);
        }, ct);
        return new ExhibitorImport(result.imported, result.updated, result.unchanged, result.invited, errors.OrderBy(e => e.Line).ToList());
    }

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}

internal static class ImportExhibitorsEndpoint
{
    public const int MaxBytes = 1024 * 1024;

    public static void Map(RouteGroupBuilder admin) => admin.MapPost("/fairs/{id:guid}/exhibitors",
            async (Guid id, HttpRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ImportExhibitors(id, user.UserId(), await ReadFileAsync(request, ct)), ct)))
        .DisableAntiforgery()
        .WithSummary("Import the fair's exhibitors from CSV (name,province,sector,phone,email,stand), as the body (text/csv) or the " +
            "multipart field 'file'; each line is imported whole or reported, importing the same file again changes nothing (admin)");

    /// <summary>The CSV sent as the body itself or as a multipart file: at most 1 MB.</summary>
    private static async Task<byte[]> ReadFileAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) throw TooLarge();
        using var buffer = new MemoryStream();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                ?? throw new ValidationFailed("file", "Send the list as the multipart field 'file' or as a text/csv body.");
            if (file.Length > MaxBytes) throw TooLarge();
            await file.CopyToAsync(buffer, ct);
        }
        else
        {
            var read = new byte[81920];
            int n;
            while ((n = await request.Body.ReadAsync(read, ct)) > 0)
            {
                buffer.Write(read, 0, n);
                if (buffer.Length > MaxBytes) throw TooLarge();
            }
        }
        return buffer.ToArray();
    }

    private static ValidationFailed TooLarge() => new("file", "A list of exhibitors is at most 1 MB.");
}

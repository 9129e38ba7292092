using Hangfire;
using Marketplace.BuildingBlocks;
using Marketplace.Certification.Domain;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Certification.Features;

/// <summary>Every day: announce the certificates expiring within 30 days (once each) and expire those whose validTo has passed, taking their labels off.</summary>
internal sealed record RunCertificateDay : IRequest<int>;

internal sealed class RunCertificateDayHandler(ICertificationStore store, TimeProvider clock) : IRequestHandler<RunCertificateDay, int>
{
    public async Task<int> Handle(RunCertificateDay cmd, CancellationToken ct)
    {
        var (today, now) = (SubmitCertificateHandler.Today(clock), clock.GetUtcNow());
        var soon = today.AddDays(30);
        List<Guid> due;
        await using (var query = store.QuerySession())
            due = (await query.Query<Certificate>().Where(c => c.Status == CertificateStatus.Verified && (c.ValidTo < today || (!c.ExpiryAnnounced && c.ValidTo <= soon)))
                .Select(c => c.Id).ToListAsync(ct)).ToList();
        var changed = 0;
        foreach (var id in due) // each in its own transaction: one failing never holds the others back; a run again finds what is left
            changed += await Concurrency.RetryOnConflictAsync(async () =>
            {
                await using var session = store.LightweightSession();
                var stream = await session.Events.FetchForWriting<Certificate>(id, ct);
                if (stream.Aggregate is not { } certificate) return 0;
                var events = CertificateDecisions.Daily(certificate, today, now);
                if (events.Count == 0) return 0;
                stream.AppendMany(events);
                if (events.OfType<CertificateExpired>().FirstOrDefault() is { } expired)
                {
                    certificate.Apply(expired);
                    await ProductLabelRules.RefreshAsync(session, certificate, today, now, ct);
                }
                await session.SaveChangesAsync(ct);
                return 1;
            }, ct);
        return changed;
    }
}

/// <summary>The Hangfire job (a thin shell: Hangfire calls public methods only).</summary>
public sealed class CertificateDayJob
{
    public const string Id = "certification.daily";
    private readonly IMediator mediator;
    internal CertificateDayJob(IMediator mediator) => this.mediator = mediator;

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)] // idempotent: a certificate is announced once and expired once
    public Task<int> RunAsync(CancellationToken ct) => mediator.Send(new RunCertificateDay(), ct);
}

/// <summary>Registers the daily job at start (00:30, Africa/Casablanca; Hangfire's storage is shared: every node registers the same id).</summary>
internal sealed class CertificateJobsStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        services.GetService<IRecurringJobManager>()?.AddOrUpdate<CertificateDayJob>(CertificateDayJob.Id, job => job.RunAsync(CancellationToken.None),
            "30 0 * * *", new RecurringJobOptions { TimeZone = MoroccoTime.Zone });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>The food rule's question (the Catalogue asks before publishing a product of a food category).</summary>
internal sealed class FoodSafetyHandlers(ICertificationStore store) :
    IRequestHandler<HasFoodSafetyCertificate, bool>, IRequestHandler<GetFoodSafetyCovered, IReadOnlySet<Guid>>
{
    public async Task<bool> Handle(HasFoodSafetyCertificate query, CancellationToken ct) =>
        (await Handle(new GetFoodSafetyCovered([new CoveredProduct(query.CooperativeId, query.ProductId)], query.Day), ct)).Count == 1;

    public async Task<IReadOnlySet<Guid>> Handle(GetFoodSafetyCovered query, CancellationToken ct)
    {
        if (query.Products.Count == 0) return new HashSet<Guid>();
        var cooperatives = query.Products.Select(p => p.CooperativeId).Distinct().ToArray();
        await using var session = store.QuerySession();
        var onssa = (await session.Query<Certificate>()
            .Where(c => c.CooperativeId.In(cooperatives) && c.Kind == CertificateKinds.Onssa && c.Status == CertificateStatus.Verified).ToListAsync(ct))
            .Where(c => c.IsValidOn(query.Day)).ToLookup(c => c.CooperativeId);
        return query.Products.Where(p => onssa[p.CooperativeId].Any(c => c.Covers(p.ProductId))).Select(p => p.ProductId).ToHashSet();
    }
}

internal sealed class GetCertificateSummaryHandler(ICertificationStore store) : IRequestHandler<GetCertificateSummary, PublicCertificate?>
{
    public async Task<PublicCertificate?> Handle(GetCertificateSummary query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Certificate>(query.CertificateId, ct) is { Status: CertificateStatus.Verified or CertificateStatus.Expired } c
            ? new PublicCertificate(c.Id, c.CooperativeId, c.Kind, CertificateKinds.LabelOf.GetValueOrDefault(c.Kind), c.Identifier, c.Issuer,
                c.ValidFrom, c.ValidTo, c.ProductIds, c.Status)
            : null;
    }
}

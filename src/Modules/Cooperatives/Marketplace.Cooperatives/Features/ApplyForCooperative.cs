using System.Security.Claims;
using System.Text.RegularExpressions;
using FluentValidation;
using JasperFx;
using Marketplace.Accounts.Contracts;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using Marketplace.Programme.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

internal sealed partial class ApplyForCooperativeValidator : AbstractValidator<ApplyForCooperative>
{
    public const int MaxSectors = 10;

    public ApplyForCooperativeValidator()
    {
        RuleFor(x => x.ApplicantId).NotEmpty();
        RuleFor(x => x.Name).Must(Texts.HasMainLanguage).WithMessage("A name in at least one of ar, fr, en is required.")
            .Must(OnlyLanguages).WithMessage("Languages are ar, fr, en and zgh.")
            .Must(n => n is null || n.Values.All(v => v is null || v.Trim().Length <= 150)).WithMessage("A name has at most 150 characters.");
        RuleFor(x => x.Description).Must(OnlyLanguages).WithMessage("Languages are ar, fr, en and zgh.")
            .Must(d => d is null || d.Values.All(v => v is null || v.Length <= 4000)).WithMessage("A description has at most 4000 characters.");
        RuleFor(x => x.RegistrationNumber).NotEmpty().MaximumLength(40)
            .Must(n => n is null || RegistrationNumber().IsMatch(n.Trim())).WithMessage("A registration number has letters, digits, spaces, / . _ or -.");
        RuleFor(x => x.Province).Must(Provinces.IsKnown)
            .WithMessage($"Unknown province: one of {string.Join(", ", Provinces.All.Select(p => p.Code))}.");
        RuleFor(x => x.Sectors).NotNull().Must(s => s is null || s.Count <= MaxSectors).WithMessage($"At most {MaxSectors} sectors.");
        RuleForEach(x => x.Sectors).NotEmpty().MaximumLength(40)
            .Must(s => s is null || Sector().IsMatch(s.Trim())).WithMessage("A sector is a short word or a category code.");
        RuleFor(x => x.ContactEmail).NotEmpty().MaximumLength(254)
            .Matches(@"^\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*$").WithMessage("'Contact Email' is not a valid e-mail address.");
        RuleFor(x => x.Phone).NotEmpty().Must(PhoneNumber.IsValid)
            .WithMessage("A phone number such as 06 12 34 56 78, +212 6 12 34 56 78 or +33 6 12 34 56 78.");
    }

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} /._-]*$")]
    private static partial Regex RegistrationNumber();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} _-]*$")]
    private static partial Regex Sector();

    private static bool OnlyLanguages(IReadOnlyDictionary<string, string>? text) =>
        text is null || text.Keys.All(k => Texts.IsLanguage(k.Trim().ToLowerInvariant()));
}

internal sealed class ApplyForCooperativeHandler(ICooperativesStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<ApplyForCooperative, Guid>
{
    public async Task<Guid> Handle(ApplyForCooperative cmd, CancellationToken ct)
    {
        if ((await mediator.Send(new GetUsers([cmd.ApplicantId]), ct)).Count == 0)
            throw new ValidationFailed("applicantId", "The applicant must be a registered user.");
        if (cmd.Invitation is not null)
        {
            var invitation = await mediator.Send(new GetInvitation(cmd.Invitation), ct)
                ?? throw new ValidationFailed("invitation", "This invitation is not one of the platform's: use the link as it was sent.");
            if (invitation.CooperativeId is not null)
                throw new DomainRuleViolated("invitation_used", "A cooperative has already applied with this invitation.");
        }
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var applied = Applied(cmd, id, now);
        await using var session = store.LightweightSession();
        var claim = RegistrationClaim.Key(applied.RegistrationNumber);
        if (await session.LoadAsync<RegistrationClaim>(claim, ct) is not null) throw Taken();
        session.Insert(new RegistrationClaim(claim, id, now));
        session.Events.StartStream<Cooperative>(id, applied);
        try { await session.SaveChangesAsync(ct); }
        catch (Exception ex) when (ex is DocumentAlreadyExistsException || ex.IsUniqueViolation()) { throw Taken(); }
        return id;
    }

    /// <summary>The application as recorded: texts cleaned, registration number in upper case, phone normalised.</summary>
    public static CooperativeApplied Applied(ApplyForCooperative cmd, Guid id, DateTimeOffset now) =>
        new(id, cmd.ApplicantId, Texts.Clean(cmd.Name), Texts.Clean(cmd.Description), cmd.RegistrationNumber.Trim().ToUpperInvariant(),
            cmd.Province, cmd.Sectors.Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList(),
            cmd.ContactEmail.Trim().ToLowerInvariant(), PhoneNumber.Normalise(cmd.Phone)!, now, cmd.Invitation);

    public static DomainRuleViolated Taken() =>
        new("registration_number_taken", "A cooperative with this registration number is already on the platform.");
}

internal static class ApplyForCooperativeEndpoint
{
    internal sealed record Body(Dictionary<string, string>? Name, string? RegistrationNumber, string? Province, List<string>? Sectors,
        string? ContactEmail, string? Phone, Dictionary<string, string>? Description, string? Invitation);

    internal sealed record Applied(Guid Id, string Status);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/", async (Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
        {
            var id = await mediator.Send(new ApplyForCooperative(user.UserId(), body.Name ?? [], body.RegistrationNumber ?? "",
                body.Province ?? "", body.Sectors ?? [], body.ContactEmail ?? "", body.Phone ?? "", body.Description,
                string.IsNullOrWhiteSpace(body.Invitation) ? null : body.Invitation.Trim()), ct);
            return TypedResults.Created($"/api/cooperatives/{id}", new Applied(id, CooperativeStatus.Pending));
        })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Apply for a cooperative: the caller becomes its owner; it waits for an administrator's verification");
}

using JasperFx.Events;
using Marketplace.Cooperatives.Domain;
using Marten.Events.Aggregation;

namespace Marketplace.Cooperatives.Storage;

/// <summary>
/// The cooperative document, kept inline: written in the same transaction as the events, so that whoever changed
/// a cooperative reads the change at once. It folds the stream with <see cref="Cooperative.Next"/>, nothing else.
/// </summary>
internal sealed class CooperativeProjection : SingleStreamProjection<Cooperative, Guid>
{
    public override Cooperative? Evolve(Cooperative? snapshot, Guid id, IEvent e) => Cooperative.Next(snapshot, e.Data);
}

/// <summary>
/// A registration number held by a cooperative. Its id is the number, normalised: a second cooperative with the
/// same number cannot be inserted, even by two applications at the same moment.
/// </summary>
internal sealed record RegistrationClaim(string Id, Guid CooperativeId, DateTimeOffset At)
{
    public static string Key(string registrationNumber) =>
        new(registrationNumber.Where(ch => !char.IsWhiteSpace(ch)).Select(char.ToUpperInvariant).ToArray());
}

namespace Marketplace.Economy.Domain;

/// <summary>
/// Whether a general assembly could deliberate, and which decisions it adopted.
/// The defaults are what cooperatives' statutes commonly set under Law 112-12 on cooperatives for a first convocation: an
/// ordinary assembly deliberates when half of the members are present or represented, an extraordinary one when two
/// thirds are; an ordinary decision needs more votes for than against, an extraordinary one two thirds of the votes of
/// those present or represented. Each cooperative sets its own quorum from its statutes (the economy settings): the law
/// lets the statutes decide several of these points, and a second convocation usually asks less.
/// </summary>
internal static class Quorum
{
    public const decimal OrdinaryDefault = 0.5m, ExtraordinaryDefault = 2m / 3m;

    /// <summary>Members present or represented needed: the fraction of the members on the day, rounded up.</summary>
    public static int Required(int membersOnDate, decimal fraction) => (int)Math.Ceiling(membersOnDate * fraction - 0.0000001m);

    public static bool Met(int attending, int membersOnDate, decimal fraction) => membersOnDate > 0 && attending >= Required(membersOnDate, fraction);

    public static bool Adopted(string kind, bool quorumMet, int votesFor, int against, int abstain) => quorumMet && (kind == AssemblyKinds.Extraordinary
        ? votesFor * 3 >= (votesFor + against + abstain) * 2 && votesFor > 0
        : votesFor > against);
}

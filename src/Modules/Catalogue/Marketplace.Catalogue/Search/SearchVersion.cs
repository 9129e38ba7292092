using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Marketplace.Catalogue.Search;

/// <summary>
/// The shop's search version (catalogue.search_version): a number raised in the same transaction as every change that
/// can change a search's answer (a listing edited, published or unpublished; a cooperative suspended or reinstated;
/// search rows backfilled). Stock does not raise it: a search answers ids and a total, and the page's stock is read
/// fresh. <see cref="SearchResultCache"/> keeps an answer only as long as the version it was computed at is the current
/// one, on every node (the number is in the database, not in a node's memory).
/// <para>
/// The number is the sum of <see cref="Rows"/> rows, and a transaction raises the row of its own transaction id: a
/// single row made every publication wait for the one before it to commit (its lock is held until then). Each row only
/// grows, so the sum grows with every committed change; all the raises of one transaction take the same row, so two
/// transactions never wait for each other's rows in opposite orders.
/// </para>
/// </summary>
internal static class SearchVersion
{
    public const string Table = "search_version";
    public const int Rows = 16;

    public static Table Definition(string schema)
    {
        var t = new Table(new PostgresqlObjectName(schema, Table, SchemaUtils.IdentifierUsage.General));
        t.AddColumn<int>("id").AsPrimaryKey();
        t.AddColumn<long>("n").NotNull();
        return t;
    }

    /// <summary>SQL that raises the version (creating the row the first time).</summary>
    public static string RaiseSql(string schema) =>
        $"insert into {schema}.{Table} as v (id, n) values ((txid_current() % {Rows})::int, 1) on conflict (id) do update set n = v.n + 1";

    /// <summary>SQL of the current version (0 before any change).</summary>
    public static string ReadSql(string schema) => $"select coalesce(sum(n), 0)::bigint from {schema}.{Table}";

    /// <summary>Raises the version when <paramref name="session"/> commits.</summary>
    public static void Raise(IDocumentOperations session) => session.QueueSqlCommand(RaiseSql(session.DocumentStore.Options.DatabaseSchemaName));
}

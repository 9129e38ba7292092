using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Marketplace.Catalogue.Search;

/// <summary>
/// The shop's search version (catalogue.search_version, one row): a number raised in the same transaction as every
/// change that can change a search's answer (a listing edited, published or unpublished; a cooperative suspended or
/// reinstated; search rows backfilled). Stock does not raise it: a search answers ids and a total, and the page's
/// stock is read fresh. <see cref="SearchResultCache"/> keeps an answer only as long as the version it was computed
/// at is the current one, on every node (the number is in the database, not in a node's memory).
/// </summary>
internal static class SearchVersion
{
    public const string Table = "search_version";

    public static Table Definition(string schema)
    {
        var t = new Table(new PostgresqlObjectName(schema, Table, SchemaUtils.IdentifierUsage.General));
        t.AddColumn<int>("id").AsPrimaryKey();
        t.AddColumn<long>("n").NotNull();
        return t;
    }

    /// <summary>SQL that raises the version (creating the row the first time).</summary>
    public static string RaiseSql(string schema) =>
        $"insert into {schema}.{Table} as v (id, n) values (1, 1) on conflict (id) do update set n = v.n + 1";

    /// <summary>SQL of the current version (0 before any change).</summary>
    public static string ReadSql(string schema) => $"select coalesce((select n from {schema}.{Table} where id = 1), 0)";

    /// <summary>Raises the version when <paramref name="session"/> commits.</summary>
    public static void Raise(IDocumentOperations session) => session.QueueSqlCommand(RaiseSql(session.DocumentStore.Options.DatabaseSchemaName));
}

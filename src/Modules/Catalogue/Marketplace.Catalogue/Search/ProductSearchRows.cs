using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marten;
using Marten.Events.Projections;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Marketplace.Catalogue.Search;

/// <summary>
/// The shop's search table (catalogue.product_search): a narrow row per product with what search filters and sorts on
/// and its tsvector, stored (not recomputed per query from the document's JSON). Kept by this inline projection, in the
/// transaction that records the listing's events, with the <see cref="SearchVersion"/> raised when a change can show in
/// the shop or in its items (a new listing is a draft: not yet; images); stock movements do not touch it. <see cref="ProductSearchBackfill"/>
/// fills it for products recorded before it existed.
/// </summary>
internal sealed partial class ProductSearchRows : EventProjection
{
    public const string Table = "product_search";

    /// <summary>The weighted tsvector from the folded fields (<see cref="SearchFields"/>): names weigh A, the rest B.</summary>
    public static string VectorSql(string nameStems, string name, string bodyStems, string body) =>
        $"(setweight(to_tsvector('simple'::regconfig, coalesce({nameStems}, '')), 'A') || " +
        $"setweight(to_tsvector('french'::regconfig, coalesce({name}, '')), 'A') || " +
        $"setweight(to_tsvector('english'::regconfig, coalesce({name}, '')), 'A') || " +
        $"setweight(to_tsvector('simple'::regconfig, coalesce({bodyStems}, '')), 'B') || " +
        $"setweight(to_tsvector('french'::regconfig, coalesce({body}, '')), 'B') || " +
        $"setweight(to_tsvector('english'::regconfig, coalesce({body}, '')), 'B'))";

    private readonly string table;
    private readonly string raiseVersion;

    public ProductSearchRows(string schema)
    {
        table = $"{schema}.{Table}";
        raiseVersion = SearchVersion.RaiseSql(schema);
        var t = new Table(new PostgresqlObjectName(schema, Table, SchemaUtils.IdentifierUsage.General));
        t.AddColumn<Guid>("id").AsPrimaryKey();
        t.AddColumn<Guid>("cooperative_id").NotNull();
        t.AddColumn<string>("status").NotNull();
        t.AddColumn<string>("category").NotNull();
        t.AddColumn<string>("province").NotNull();
        t.AddColumn("price", "numeric").NotNull();
        t.AddColumn("published_at", "timestamp with time zone");
        t.AddColumn("labels", "text[]").NotNull();
        t.AddColumn("vector", "tsvector").NotNull();
        t.AddColumn("rating", "numeric"); // the average of its published reviews; null without any
        t.AddColumn<int>("rating_count").NotNull().DefaultValue(0);
        t.Indexes.Add(new IndexDefinition($"{Table}_vector") { Columns = ["vector"], Method = IndexMethod.gin });
        t.Indexes.Add(new IndexDefinition($"{Table}_newest") { Columns = ["status", "published_at"] });
        t.Indexes.Add(new IndexDefinition($"{Table}_price") { Columns = ["status", "price"] });
        t.Indexes.Add(new IndexDefinition($"{Table}_cooperative") { Columns = ["cooperative_id"] });
        // the searches without words: a category's or a province's newest first, a label (ProductSearchQuery)
        t.Indexes.Add(new IndexDefinition($"{Table}_category") { Columns = ["category", "published_at"] });
        t.Indexes.Add(new IndexDefinition($"{Table}_province") { Columns = ["province", "published_at"] });
        t.Indexes.Add(new IndexDefinition($"{Table}_labels") { Columns = ["labels"], Method = IndexMethod.gin });
        SchemaObjects.Add(t);
        SchemaObjects.Add(SearchVersion.Definition(schema));
    }

    // VectorSql("?", ...) has 6 placeholders: names and bodies appear twice (french and english), so pass them twice.
    public void Project(ProductListed e, IDocumentOperations ops)
    {
        var (l, s) = (e.Listing, SearchFields.Of(e.Listing));
        ops.QueueSqlCommand($"insert into {table} (id, cooperative_id, status, category, province, price, published_at, labels, vector) " +
            $"values (?, ?, ?, ?, ?, ?, null, ?, {VectorSql("?", "?", "?", "?")}) on conflict (id) do nothing",
            e.ProductId, e.CooperativeId, ProductStatus.Draft, l.Category, l.Province, l.Price, Array.Empty<string>(),
            s.NameStems, s.Name, s.Name, s.BodyStems, s.Body, s.Body);
    }

    public void Project(ListingEdited e, IDocumentOperations ops)
    {
        var (l, s) = (e.Listing, SearchFields.Of(e.Listing));
        ops.QueueSqlCommand($"update {table} set category = ?, province = ?, price = ?, vector = {VectorSql("?", "?", "?", "?")} where id = ?",
            l.Category, l.Province, l.Price, s.NameStems, s.Name, s.Name, s.BodyStems, s.Body, s.Body, e.ProductId);
        ops.QueueSqlCommand(raiseVersion);
    }

    public void Project(ProductPublished e, IDocumentOperations ops)
    {
        ops.QueueSqlCommand($"update {table} set status = ?, published_at = ? where id = ?", ProductStatus.Published, e.At, e.ProductId);
        ops.QueueSqlCommand(raiseVersion);
    }

    /// <summary>The label filter searches certified labels only.</summary>
    public void Project(CertifiedLabelsSet e, IDocumentOperations ops)
    {
        ops.QueueSqlCommand($"update {table} set labels = ? where id = ?", e.Labels.Select(l => l.Code).Distinct().ToArray(), e.ProductId);
        ops.QueueSqlCommand(raiseVersion);
    }

    /// <summary>sort=rating and minRating read the rating; items show it.</summary>
    public void Project(ProductRated e, IDocumentOperations ops)
    {
        ops.QueueSqlCommand($"update {table} set rating = ?, rating_count = ? where id = ?", (object?)e.Average ?? DBNull.Value, e.Count, e.ProductId);
        ops.QueueSqlCommand(raiseVersion);
    }

    // The shop's items show the first image: kept answers must not outlive a change of images.
    public void Project(ImageAdded e, IDocumentOperations ops) => ops.QueueSqlCommand(raiseVersion);

    public void Project(ImageRemoved e, IDocumentOperations ops) => ops.QueueSqlCommand(raiseVersion);

    public void Project(ImagesReordered e, IDocumentOperations ops) => ops.QueueSqlCommand(raiseVersion);

    public void Project(ProductUnpublished e, IDocumentOperations ops)
    {
        ops.QueueSqlCommand($"update {table} set status = ?, published_at = null where id = ?", ProductStatus.Draft, e.ProductId);
        ops.QueueSqlCommand(raiseVersion);
    }
}

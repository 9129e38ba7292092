using Npgsql;

namespace Marketplace.BuildingBlocks;

public static class DatabaseErrors
{
    /// <summary>True when a unique index refused the write (PostgreSQL 23505), wherever it sits in the chain.</summary>
    public static bool IsUniqueViolation(this Exception ex) =>
        ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || (ex.InnerException is not null && ex.InnerException.IsUniqueViolation());
}

namespace Marketplace.BuildingBlocks;

/// <summary>The refusals the HTTP layer turns into problem details. Messages are for people: never internals.</summary>
public abstract class MarketplaceException(string message) : Exception(message);

/// <summary>400: bad input, with messages by field.</summary>
public sealed class ValidationFailed(IReadOnlyDictionary<string, string[]> errors)
    : MarketplaceException("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
    public ValidationFailed(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
}

/// <summary>404: the thing asked for does not exist (or is not visible to the caller).</summary>
public sealed class NotFound(string what) : MarketplaceException($"{what} was not found.");

/// <summary>409: a business rule refuses the change (illegal state change, not enough stock, duplicate...).</summary>
public sealed class DomainRuleViolated(string code, string message) : MarketplaceException(message)
{
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, object?> Details { get; init; } = new Dictionary<string, object?>();
}

/// <summary>403: signed in, but not allowed to do this.</summary>
public sealed class Forbidden(string message = "You are not allowed to do this.") : MarketplaceException(message);

/// <summary>401: who the caller is could not be established (bad credentials).</summary>
public sealed class Unauthenticated(string message) : MarketplaceException(message);

/// <summary>422: well-formed, but cannot be processed as sent (an idempotency key reused with another body).</summary>
public sealed class Unprocessable(string message) : MarketplaceException(message);

/// <summary>429: too many attempts; try again after <see cref="RetryAfter"/>.</summary>
public sealed class TooManyAttempts(string message, TimeSpan retryAfter) : MarketplaceException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>503: a service we depend on (a payment gateway, say) is unreachable for now; the same request can be retried.</summary>
public sealed class DependencyUnavailable(string message, TimeSpan? retryAfter = null) : MarketplaceException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter ?? TimeSpan.FromSeconds(10);
}

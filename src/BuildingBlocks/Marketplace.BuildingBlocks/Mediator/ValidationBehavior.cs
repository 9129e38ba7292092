using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace Marketplace.BuildingBlocks;

/// <summary>Runs the request's FluentValidation validators before its handler, for HTTP, modules and jobs alike.</summary>
internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<ValidationFailure>();
        foreach (var validator in validators)
            failures.AddRange((await validator.ValidateAsync(request, cancellationToken)).Errors);
        if (failures.Count == 0) return await next();
        throw new ValidationFailed(failures
            .GroupBy(f => ToCamelCasePath(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
    }

    /// <summary>"ShippingAddress.FullName" and "Lines[0].Quantity" as the JSON client spells them.</summary>
    internal static string ToCamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

using System.Collections.Concurrent;
using System.Reflection;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.BuildingBlocks;

/// <summary>
/// The receivers of integration events: each module whose assembly holds handlers of a message is one receiver, with a
/// delivery of its own. Its handlers run in a scope of their own, within <see cref="OutboxOptions.Timeout"/>: one module
/// failing or hanging never holds back another.
/// </summary>
public sealed class OutboxReceivers(IServiceScopeFactory scopes, IOptions<OutboxOptions> options)
{
    private static readonly MethodInfo InvokeMethod = typeof(OutboxReceivers).GetMethod(nameof(Invoke), BindingFlags.NonPublic | BindingFlags.Static)!;
    private readonly ConcurrentDictionary<Type, IReadOnlyList<string>> receivers = new();
    private static readonly ConcurrentDictionary<Type, Func<object, object, CancellationToken, Task>> Invokers = new();

    /// <summary>The modules that handle <paramref name="message"/> ("catalogue", "payouts"...), in a stable order.</summary>
    public IReadOnlyList<string> Of(Type message) => receivers.GetOrAdd(message, type =>
    {
        using var scope = scopes.CreateScope();
        return Handlers(scope.ServiceProvider, type).Select(h => NameOf(h.GetType().Assembly)).Distinct().Order(StringComparer.Ordinal).ToList();
    });

    /// <summary>Runs the handlers of <paramref name="receiver"/>; a timeout is a <see cref="TimeoutException"/>.</summary>
    public async Task DeliverAsync(string receiver, INotification message, CancellationToken ct)
    {
        var timeout = options.Value.Timeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        await using var scope = scopes.CreateAsyncScope();
        var invoke = Invokers.GetOrAdd(message.GetType(), t => InvokeMethod.MakeGenericMethod(t)
            .CreateDelegate<Func<object, object, CancellationToken, Task>>());
        try
        {
            foreach (var handler in Handlers(scope.ServiceProvider, message.GetType()).Where(h => NameOf(h.GetType().Assembly) == receiver))
                await invoke(handler, message, limit.Token).WaitAsync(timeout, ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"{receiver} did not take {message.GetType().Name} within {timeout.TotalSeconds:0.#} s.");
        }
    }

    /// <summary>"Marketplace.Payouts" is "payouts".</summary>
    public static string NameOf(Assembly assembly)
    {
        var name = assembly.GetName().Name ?? "unknown";
        return (name.StartsWith("Marketplace.", StringComparison.Ordinal) ? name["Marketplace.".Length..] : name).ToLowerInvariant();
    }

    private static IEnumerable<object> Handlers(IServiceProvider services, Type message) =>
        services.GetServices(typeof(INotificationHandler<>).MakeGenericType(message)).OfType<object>();

    private static Task Invoke<T>(object handler, object message, CancellationToken ct) where T : INotification =>
        ((INotificationHandler<T>)handler).Handle((T)message, ct);
}

using System.ComponentModel.DataAnnotations;
using System.Net;
using Marketplace.BuildingBlocks;
using Microsoft.Extensions.Options;

namespace Marketplace.Accounts.Limits;

/// <summary>Marketplace:RateLimits, the part about accounts (API.md). 0 means no limit.</summary>
internal sealed class AttemptLimitOptions
{
    [Range(0, 1_000_000)] public int SignInPerMinutePerAddress { get; set; } = 60;
    [Range(0, 1_000_000)] public int RegisterPerMinutePerAddress { get; set; } = 10;
}

/// <summary>
/// The limits on registrations and sign-ins, counted in PostgreSQL so that they hold across Hosts: registrations and
/// sign-ins a minute from one address, and failed sign-ins of one e-mail from one address, which slow down instead of
/// locking the account: from the <see cref="FreeFailures"/>th failure in <see cref="FailureWindow"/>, that e-mail from
/// that address waits 30 s before its next attempt, then twice as long after each further failure (at most 15 minutes).
/// Nobody can lock another person out: the account's owner, from their own address, signs in as usual.
/// The e-mail is counted whether or not it has an account, so the answers do not tell which exist.
/// </summary>
internal sealed class AttemptLimits(AttemptCounters counters, IOptions<AttemptLimitOptions> options, TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>A registration from <paramref name="address"/> (null: the platform's own, as the demo data's: no limit).</summary>
    public Task RegistrationAsync(IPAddress? address, CancellationToken ct) => address is null ? Task.CompletedTask :
        PerMinuteAsync($"register:{AttemptCounters.AddressKey(address)}", options.Value.RegisterPerMinutePerAddress,
            "Too many registrations from this address: wait a minute and try again.", ct);

    public Task SignInAsync(IPAddress? address, CancellationToken ct) => address is null ? Task.CompletedTask :
        PerMinuteAsync($"sign-in:{AttemptCounters.AddressKey(address)}", options.Value.SignInPerMinutePerAddress,
            "Too many sign-ins from this address: wait a minute and try again.", ct);

    /// <summary>Refuses (429) while this e-mail from this address has to wait after its failures.</summary>
    public async Task<bool> CheckFailuresAsync(string email, IPAddress? address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await counters.ReadAsync(FailuresKey(email, address), FailureWindow, now, ct) is not { } failures) return false;
        if (WaitAfter(failures.Count) is { } wait && failures.LastAt + wait > now)
            throw new TooManyAttempts("Too many failed sign-ins from here: wait a little before trying again.", failures.LastAt + wait - now);
        return true;
    }

    public Task FailedAsync(string email, IPAddress? address, CancellationToken ct) =>
        counters.CountAsync(FailuresKey(email, address), FailureWindow, clock.GetUtcNow(), ct);

    public Task SucceededAsync(string email, IPAddress? address, CancellationToken ct) => counters.ForgetAsync(FailuresKey(email, address), ct);

    /// <summary>How long the next attempt waits after <paramref name="failures"/> failures in the window (none before the fifth).</summary>
    public static TimeSpan? WaitAfter(int failures) => failures < FreeFailures ? null
        : TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Min(failures - FreeFailures, 10)), FailureWindow.TotalSeconds));

    private static string FailuresKey(string email, IPAddress? address) => $"failed:{email}|{AttemptCounters.AddressKey(address)}";

    private async Task PerMinuteAsync(string key, int limit, string message, CancellationToken ct)
    {
        if (limit <= 0) return;
        var now = clock.GetUtcNow();
        var (count, windowEnds) = await counters.CountAsync(key, Minute, now, ct);
        if (count > limit) throw new TooManyAttempts(message, windowEnds - now);
    }
}

using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Notifications.Delivery;

/// <summary>Sends a text message to a phone number (as the cooperative or the shopper gave it, already validated).</summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}

/// <summary>The default without an SMS gateway: the message is written to the log, nothing leaves the platform.</summary>
internal sealed class LoggingSmsSender(ILogger<LoggingSmsSender> logger) : ISmsSender
{
    public Task SendAsync(string phone, string text, CancellationToken ct)
    {
        logger.LogInformation("SMS to {Phone} (no SMS gateway is set: Marketplace__Sms__Url): {Text}", phone, text);
        return Task.CompletedTask;
    }
}

/// <summary>
/// An HTTP SMS gateway (Marketplace:Sms:Url and :Token): POST {"to", "text"} as JSON with "Authorization: Bearer token";
/// any answer but 2xx is a failure, retried like an e-mail.
/// </summary>
internal sealed class HttpSmsSender(HttpClient http, IOptions<SmsOptions> options) : ISmsSender
{
    public async Task SendAsync(string phone, string text, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.Url) { Content = JsonContent.Create(new { to = phone, text }) };
        if (!string.IsNullOrEmpty(options.Value.Token)) request.Headers.Authorization = new("Bearer", options.Value.Token);
        using var answer = await http.SendAsync(request, ct);
        if (!answer.IsSuccessStatusCode)
            throw new HttpRequestException($"The SMS gateway answered {(int)answer.StatusCode}.", null, answer.StatusCode);
    }
}

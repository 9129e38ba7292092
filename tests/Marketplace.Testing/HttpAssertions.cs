using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace Marketplace.Testing;

public static class HttpAssertions
{
    public static async Task<JsonNode> Json(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static async Task<HttpResponseMessage> ShouldHaveStatus(this HttpResponseMessage response, int status)
    {
        if ((int)response.StatusCode != status)
        {
            var body = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).Should().Be(status, "{0} {1} answered {2}", response.RequestMessage?.Method,
                response.RequestMessage?.RequestUri?.PathAndQuery, body);
        }
        return response;
    }

    /// <summary>An RFC 9457 problem of this status; returns its body.</summary>
    public static async Task<JsonNode> ShouldBeProblem(this HttpResponseMessage response, int status)
    {
        await response.ShouldHaveStatus(status);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = await response.Json();
        problem["status"]!.GetValue<int>().Should().Be(status);
        problem["title"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        return problem;
    }

    /// <summary>The field errors of a 400 problem, keyed as the client spells the fields.</summary>
    public static async Task<JsonObject> ShouldBeValidationProblem(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ShouldBeProblem(400);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in fields) errors.Select(e => e.Key).Should().Contain(field);
        return errors;
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(url, body ?? new { });

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body);
}

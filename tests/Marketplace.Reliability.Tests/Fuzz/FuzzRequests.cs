using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Reliability.Tests.Suite;

namespace Marketplace.Reliability.Tests.Fuzz;

/// <summary>A route the Host serves: method and template as its endpoint declares them.</summary>
public sealed record FuzzRoute(string Method, string Template)
{
    public string Key => $"{Method} {ApiContract.Unnamed(Template)}";
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>One generated request and who sends it; <paramref name="MayWrite"/>: a write by a caller who may call the route.</summary>
public sealed record FuzzCase(FuzzRoute Route, Role Role, HttpRequestMessage Request, string What, bool MayWrite);

/// <summary>
/// Generates hostile requests for a route, from a seeded random source (the same seed gives the same requests): path
/// parameters that are real ids or junk, query strings of junk, headers of junk, and bodies that are the route's valid
/// body with a few fields replaced by hostile values, or raw bytes that are not JSON, under lying content types.
/// </summary>
public sealed class FuzzRequests(World world, int seed)
{
    private readonly Random random = new(seed);

    public FuzzCase Next(FuzzRoute route)
    {
        var role = random.Next(10) < 5 ? Privileged(route) : Pick(Enum.GetValues<Role>());
        var what = new List<string>();
        var request = new HttpRequestMessage(new HttpMethod(route.Method), Path(route, what) + Query(what));
        if (route.Method is "POST" or "PUT" or "PATCH") request.Content = Body(route, what);
        Headers(request, what);
        return new FuzzCase(route, role, request, string.Join(" ", what), route.Method != "GET" && MayCall(route, role));
    }

    /// <summary>API.md's "who" for its routes; for the others (images, members, staff lists...) anyone signed in might.</summary>
    private static bool MayCall(FuzzRoute route, Role role) =>
        ApiContract.Routes.FirstOrDefault(r => r.Key == route.Key) is { } contract ? AccessTests.Allowed(contract).Contains(role) : role != Role.Anonymous;

    /// <summary>The caller who may call the route (so that the fuzz reaches validation and handlers, not only the access checks).</summary>
    private Role Privileged(FuzzRoute route)
    {
        if (ApiContract.Routes.FirstOrDefault(r => r.Key == route.Key) is { } contract && AccessTests.Allowed(contract) is { Count: > 0 } allowed)
            return Pick(allowed.ToArray());
        return route.Template.StartsWith("/api/admin") ? Role.Admin : route.Template.StartsWith("/api/orders") ? Role.Shopper1 : Role.StaffA;
    }

    private string Path(FuzzRoute route, List<string> what)
    {
        var path = route.Template;
        while (path.IndexOf('{') is var start and >= 0)
        {
            var end = path.IndexOf('}', start);
            var name = path[(start + 1)..end].Split(':')[0];
            var value = random.Next(10) < 8 ? RealId(route, name) : Junk(what);
            path = path[..start] + value + path[(end + 1)..];
        }
        return path;
    }

    private string RealId(FuzzRoute route, string name) => name switch
    {
        "month" => DateTime.UtcNow.ToString("yyyy-MM"),
        "subOrderId" => world.SubOrderCash.ToString(),
        "productId" => (random.Next(2) == 0 ? world.DraftProduct : world.ProductA.Id).ToString(),
        "id" when route.Template.StartsWith("/api/orders") => (random.Next(2) == 0 ? world.OrderCash : world.OrderCard).ToString(),
        "id" when route.Template.StartsWith("/api/admin/payouts") => world.PayoutB.ToString(),
        "id" when route.Template.StartsWith("/api/products") => world.ProductA.Id.ToString(),
        "id" when route.Template.StartsWith("/api/admin/cooperatives") => world.PendingCoop.ToString(),
        "id" or "cooperativeId" => (random.Next(4) == 0 ? world.CoopB.Id : world.CoopA.Id).ToString(),
        _ => Guid.NewGuid().ToString(),
    };

    private string Junk(List<string> what)
    {
        what.Add("junk-path");
        return random.Next(6) switch
        {
            0 => Guid.Empty.ToString(),
            1 => Guid.NewGuid().ToString().ToUpperInvariant() + "%25%30%30",
            2 => "..%2F..%2Fadmin",
            3 => new string('9', random.Next(1, 3000)),
            _ => Uri.EscapeDataString(Pick(Hostile.Strings).Replace("\0", "")), // a NUL in a path never reaches the app (Kestrel refuses it)
        };
    }

    private string Query(List<string> what)
    {
        if (random.Next(3) == 0) return "";
        what.Add("query");
        var parts = Enumerable.Range(0, random.Next(1, 5)).Select(_ =>
        {
            var name = Pick(Hostile.QueryNames);
            var value = random.Next(2) == 0 ? Pick(Hostile.NumbersAsText) : Pick(Hostile.Strings);
            return $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
        });
        return "?" + string.Join("&", parts);
    }

    private HttpContent Body(FuzzRoute route, List<string> what)
    {
        byte[] bytes;
        if (random.Next(4) == 0)
        {
            bytes = Pick(Hostile.RawBodies);
            what.Add($"raw-body({bytes.Length} B)");
        }
        else
        {
            var body = Template(route);
            var paths = Leaves(body, "").ToList();
            var hostile = new Dictionary<string, string>();
            foreach (var path in Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(paths)).Distinct())
            {
                var marker = $"\u0001{hostile.Count}\u0001";
                if (!Set(body, path, marker)) continue;
                hostile[JsonSerializer.Serialize(marker)] = Pick(Hostile.JsonValues);
                what.Add($"{path}=hostile");
            }
            var text = body.ToJsonString();
            foreach (var (marker, value) in hostile) text = text.Replace(marker, value);
            bytes = Encoding.UTF8.GetBytes(text);
        }
        var content = new ByteArrayContent(bytes);
        var type = random.Next(5) == 0 ? Pick(Hostile.ContentTypes) : "application/json";
        if (type != "application/json") what.Add($"content-type:{type}");
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        return content;
    }

    private void Headers(HttpRequestMessage request, List<string> what)
    {
        if (random.Next(3) != 0) return;
        what.Add("headers");
        var value = Pick(Hostile.Strings).Replace("\r", "").Replace("\n", "").Replace("\0", "");
        switch (random.Next(5))
        {
            case 0: request.Headers.TryAddWithoutValidation("Accept-Language", value); break;
            case 1: request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(2) == 0 ? value : new string('k', 10_000)); break;
            case 2: request.Headers.TryAddWithoutValidation("Stripe-Signature", $"t={value},v1={value}"); break;
            case 3: request.Headers.TryAddWithoutValidation("Accept", value); break;
            default: request.Headers.TryAddWithoutValidation("If-Match", value); break;
        }
    }

    private JsonNode Template(FuzzRoute route)
    {
        if (!Requests.ByRoute.TryGetValue(route.Key, out var make)) return new JsonObject { ["name"] = "x", ["value"] = 1, ["items"] = new JsonArray(1, 2) };
        using var request = make(world);
        var text = request.Content is JsonContent json ? JsonSerializer.Serialize(json.Value, json.ObjectType!, JsonSerializerOptions.Web) : "{}";
        return JsonNode.Parse(text) ?? new JsonObject();
    }

    /// <summary>Paths of every node, as "a.b.0.c" (the root is "").</summary>
    private static IEnumerable<string> Leaves(JsonNode? node, string path)
    {
        yield return path;
        var children = node switch
        {
            JsonObject o => o.Select(p => (Key: p.Key, Value: p.Value)).ToList(),
            JsonArray a => a.Select((v, i) => (Key: i.ToString(), Value: v)).ToList(),
            _ => [],
        };
        foreach (var (key, value) in children)
            foreach (var leaf in Leaves(value, path.Length == 0 ? key : $"{path}.{key}")) yield return leaf;
    }

    /// <summary>Replaces the node at the path (unless an earlier replacement took its parent away).</summary>
    private static bool Set(JsonNode root, string path, string marker)
    {
        if (path.Length == 0) return false; // the root stays: its members are replaced instead
        var keys = path.Split('.');
        JsonNode? parent = root;
        foreach (var key in keys[..^1])
            parent = parent switch { JsonArray a => a[int.Parse(key)], JsonObject o => o[key], _ => null };
        switch (parent)
        {
            case JsonArray array: array[int.Parse(keys[^1])] = marker; return true;
            case JsonObject obj: obj[keys[^1]] = marker; return true;
            default: return false;
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

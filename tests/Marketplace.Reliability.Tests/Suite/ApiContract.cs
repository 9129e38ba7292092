using System.Text.RegularExpressions;

namespace Marketplace.Reliability.Tests.Suite;

/// <summary>A route of API.md's tables: its method, its path template, who may call it (the "who" column).</summary>
public sealed record ApiRoute(string Method, string Template, string Who)
{
    /// <summary>"POST /api/cooperatives/{}/staff": the template with its parameters unnamed.</summary>
    public string Key => $"{Method} {ApiContract.Unnamed(Template)}";
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>
/// API.md, the HTTP contract: $MARKETPLACE_API_MD, else the shared docs beside the project, else its copy in docs/
/// of the checkout: every route of its tables, so that the suite fails when a route of the contract is not tested.
/// </summary>
public static partial class ApiContract
{
    public static string Path { get; } = Locate();

    /// <summary>Every route of API.md.</summary>
    public static IReadOnlyList<ApiRoute> Contract { get; } = Parse(File.ReadAllLines(Path));

    /// <summary>
    /// Routes of API.md that open issues add and that the Host does not serve yet, with their issue. A test checks that
    /// each is in API.md and still not served: a route that lands must leave this list for the access and fuzz tables.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> NotBuiltYet = new Dictionary<string, int>
    {
    };

    /// <summary>The routes of API.md that the Host serves (each once: API.md names some in two sections).</summary>
    public static IReadOnlyList<ApiRoute> Routes { get; } = Contract.Where(r => !NotBuiltYet.ContainsKey(r.Key)).DistinctBy(r => r.Key).ToList();

    /// <summary>The template with its parameters unnamed and no trailing slash ("/api/cooperatives/{id:guid}/" is "/api/cooperatives/{}").</summary>
    public static string Unnamed(string template) => Parameter().Replace(template.Length > 1 ? template.TrimEnd('/') : template, "{}");

    public static IReadOnlyList<ApiRoute> Parse(IEnumerable<string> lines)
    {
        var routes = new List<ApiRoute>();
        foreach (var line in lines)
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || !cells[1].Contains(" /api/")) continue;
            ApiRoute? previous = null;
            var methodsWaiting = new List<string>(); // "PUT, DELETE /api/reviews/{id}": PUT takes DELETE's path
            foreach (var part in cells[1].Split(", ", StringSplitOptions.TrimEntries))
            {
                if (part is "GET" or "POST" or "PUT" or "DELETE" or "PATCH") { methodsWaiting.Add(part); continue; }
                var route = part.StartsWith('/') && previous is not null
                    ? previous with { Template = previous.Template[..previous.Template.LastIndexOf('/')] + part }
                    : part.Split(' ') is [var method, var template] ? new ApiRoute(method, template.Split('?')[0], cells[2]) : null;
                if (route is null) throw new FormatException($"API.md: cannot read the route '{part}' in: {line}");
                routes.AddRange(methodsWaiting.Select(m => route with { Method = m }));
                methodsWaiting.Clear();
                routes.Add(route);
                previous = route;
            }
        }
        return routes;
    }

    private static string Locate()
    {
        string?[] candidates =
        [
            Environment.GetEnvironmentVariable("MARKETPLACE_API_MD"),
            System.IO.Path.Combine(Harness.Repository.Root, "..", "shared", "docs", "API.md"), // the contract, beside the project
            "/work/shared/docs/API.md",
            System.IO.Path.Combine(Harness.Repository.Root, "docs", "API.md"), // its copy, for a clone elsewhere
        ];
        return candidates.FirstOrDefault(c => c is not null && File.Exists(c))
               ?? throw new FileNotFoundException("API.md not found ($MARKETPLACE_API_MD, ../shared/docs/API.md beside the checkout, or docs/API.md in it)");
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}

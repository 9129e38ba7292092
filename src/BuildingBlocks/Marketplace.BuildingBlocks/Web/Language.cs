using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Marketplace.BuildingBlocks;

/// <summary>The language of an answer: ?lang=ar|fr|en|zgh, else Accept-Language, else French.</summary>
public static class Language
{
    public const string Default = "fr";

    public static string Of(HttpContext context)
    {
        var asked = context.Request.Query["lang"].ToString();
        if (LocalizedText.Languages.Contains(asked)) return asked;
        if (StringWithQualityHeaderValue.TryParseList(context.Request.Headers.AcceptLanguage, out var accepted))
            foreach (var lang in accepted.OrderByDescending(l => l.Quality ?? 1))
            {
                var code = lang.Value.Value?.Split('-')[0].ToLowerInvariant();
                if (code is not null && LocalizedText.Languages.Contains(code)) return code;
            }
        return Default;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Accounts;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue;
using Marketplace.Certification;
using Marketplace.Cooperatives;
using Marketplace.Demo;
using Marketplace.Economy;
using Marketplace.Host.Infrastructure;
using Marketplace.Host.Web;
using Marketplace.Invoicing;
using Marketplace.Notifications;
using Marketplace.Orders;
using Marketplace.Payouts;
using Marketplace.Programme;
using Marketplace.Reviews;
using Marketplace.Tourism;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

builder.Logging.ClearProviders();
if (config.GetValue("Logging:Json", true)) builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
else builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

builder.WebHost.ConfigureKestrel(k =>
{
    k.Limits.MaxRequestBodySize = RequestLimits.MaxUploadBytes;
    k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
    k.AddServerHeader = false;
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new MoneyJsonConverter());
    o.SerializerOptions.Converters.Add(new SafeStringJsonConverter());
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
});
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
    c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

builder.Services
    .AddMarketplaceDatabase(config)
    .AddMarketplaceMediator(typeof(AccountsModule).Assembly, typeof(CooperativesModule).Assembly,
        typeof(CatalogueModule).Assembly, typeof(OrdersModule).Assembly, typeof(PayoutsModule).Assembly,
        typeof(NotificationsModule).Assembly, typeof(InvoicingModule).Assembly, typeof(EconomyModule).Assembly,
        typeof(CertificationModule).Assembly, typeof(ProgrammeModule).Assembly, typeof(TourismModule).Assembly,
        typeof(ReviewsModule).Assembly)
    .AddAccountsModule(config)
    .AddCooperativesModule(config)
    .AddCatalogueModule(config)
    .AddOrdersModule(config)
    .AddPayoutsModule(config)
    .AddNotificationsModule(config)
    .AddInvoicingModule(config)
    .AddEconomyModule(config)
    .AddCertificationModule(config)
    .AddProgrammeModule(config)
    .AddTourismModule(config)
    .AddReviewsModule(config)
    .AddDemoModule(config) // after the modules: seeds at start (MARKETPLACE_SEED_DEMO=1) once their stores and the administrator are ready
    .AddMarketplaceRateLimits(config)
    .AddReverseProxySupport(config)
    .AddMarketplaceJobs(config)
    .AddOperations()
    .AddMarketplaceWeb();

var app = builder.Build();

app.UseReverseProxySupport(); // first: everything after sees the client's address and scheme
app.UseExceptionHandler("/error/500");
app.UseWhen(ForPeople, web => web.UseStatusCodePagesWithReExecute("/error/{0}"));
app.UseWhen(c => !ForPeople(c), api => api.UseStatusCodePages(ApiProblems.WriteStatusAsync));
app.UseMarketplaceWeb();
app.UseMiddleware<RequestLimits>();
app.UseRouting(); // after the error pages, so that their re-executed requests are routed again
app.UseMiddleware<HostileInput>();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOperations();
app.MapJobsDashboard();
app.MapAccountsModule();
app.MapCooperativesModule();
app.MapCatalogueModule();
app.MapOrdersModule();
app.MapPayoutsModule();
app.MapNotificationsModule();
app.MapInvoicingModule();
app.MapEconomyModule();
app.MapCertificationModule();
app.MapProgrammeModule();
app.MapTourismModule();
app.MapReviewsModule();
app.MapRazorPages();
app.MapAppManifest();

app.Run();

// A person with a browser gets pages for errors; API clients get problem details.
static bool ForPeople(HttpContext context) => !context.Request.Path.StartsWithSegments("/api")
    && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

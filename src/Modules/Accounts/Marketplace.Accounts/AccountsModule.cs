using Marketplace.Accounts.Auth;
using Marketplace.Accounts.Domain;
using Marketplace.Accounts.Features;
using Marketplace.Accounts.Features.Users;
using Marketplace.Accounts.Limits;
using Marketplace.BuildingBlocks;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Accounts;

/// <summary>The Accounts module's own Marten store (schema "accounts").</summary>
public interface IAccountsStore : IDocumentStore;

public static class AccountsModule
{
    public static IServiceCollection AddAccountsModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<IAccountsStore>(config, "accounts", lockOffset: 1, o =>
        {
            o.Schema.For<UserAccount>().UniqueIndex(u => u.Email).UseOptimisticConcurrency(true);
            o.RegisterDocumentType<SigningKeyDocument>();
            o.RegisterDocumentType<DataProtectionKeyDocument>();
            o.Storage.ExtendedSchemaObjects.Add(AttemptCounters.Definition());
        });
        services.AddOptions<AttemptLimitOptions>().Bind(config.GetSection("Marketplace:RateLimits")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AttemptCounters>().AddSingleton<AttemptLimits>();
        services.AddOptions<AdminOptions>().Bind(config.GetSection("Marketplace:Admin")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>().Bind(config.GetSection("Marketplace:Auth")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Passwords>().AddSingleton<KeyEncryption>().AddSingleton<SigningKeys>().AddSingleton<AccessTokens>().AddSingleton<CredentialCheck>();
        services.AddHostedService<AccountsStartup>();
        services.AddDataProtection().SetApplicationName("souss-massa-marketplace");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new MartenXmlRepository(sp.GetRequiredService<IAccountsStore>(), sp.GetRequiredService<KeyEncryption>())));
        return services.AddMarketplaceAuthentication();
    }

    public static IEndpointRouteBuilder MapAccountsModule(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags("Accounts");
        RegisterEndpoint.Map(group);
        LoginEndpoint.Map(group);
        GetMeEndpoint.Map(group);
        NotificationSettingsEndpoints.Map(group);
        var users = app.MapGroup("/api/admin/users").WithTags("Accounts").RequireAuthorization(Identity.Policies.Admin);
        ListUsersEndpoint.Map(users);
        ChangeUserAccessEndpoints.Map(users);
        return app;
    }
}

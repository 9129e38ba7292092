using System.Reflection;
using MediatR;
using NetArchTest.Rules;

namespace Marketplace.ArchitectureTests;

/// <summary>The rules of ARCHITECTURE.md that keep the monolith modular, checked on the built assemblies.</summary>
public sealed class ModuleBoundaryTests
{
    public static readonly string[] Modules = ["Accounts", "Cooperatives", "Catalogue", "Orders", "Payouts", "Notifications", "Invoicing", "Economy", "Certification", "Programme", "Tourism", "Reviews"];
    public static TheoryData<string, string> Pairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var a in Modules) foreach (var b in Modules.Where(b => b != a)) pairs.Add(a, b);
        return pairs;
    }

    public static TheoryData<string> Names() => new(Modules.AsEnumerable());

    private static Assembly Module(string name) => Assembly.Load($"Marketplace.{name}");
    private static Assembly Contracts(string name) => Assembly.Load($"Marketplace.{name}.Contracts");

    [Theory, MemberData(nameof(Pairs))]
    public void A_module_references_another_module_only_through_its_contracts(string module, string other) =>
        Module(module).GetReferencedAssemblies().Select(a => a.Name)
            .Should().NotContain($"Marketplace.{other}", "modules talk through Marketplace.{0}.Contracts only", other);

    [Theory, MemberData(nameof(Names))]
    public void Contracts_reference_only_mediatr_and_the_base_library(string module) =>
        Contracts(module).GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => !n.StartsWith("System") && n != "netstandard" && n != "mscorlib" && n != "MediatR" && !n.EndsWith(".Contracts"))
            .Should().BeEmpty("Contracts are public records only: requests, integration events, DTOs");

    [Theory, MemberData(nameof(Names))]
    public void Contracts_carry_no_infrastructure(string module) =>
        Types.InAssembly(Contracts(module)).ShouldNot()
            .HaveDependencyOnAny("Marten", "JasperFx", "Stripe", "Hangfire", "FluentValidation", "Microsoft.AspNetCore", "Npgsql")
            .GetResult().IsSuccessful.Should().BeTrue();

    [Theory, MemberData(nameof(Names))]
    public void Handlers_are_not_public(string module)
    {
        var publicHandlers = Module(module).GetTypes()
            .Where(t => t.IsPublic && t.GetInterfaces().Any(i => i.IsGenericType &&
                (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))))
            .Select(t => t.FullName);
        publicHandlers.Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Names))]
    public void Contracts_do_not_reference_modules_internals(string module) =>
        Contracts(module).GetReferencedAssemblies().Select(a => a.Name)
            .Should().NotContain(Modules.Select(m => $"Marketplace.{m}"));

    [Fact]
    public void Building_blocks_know_no_module() =>
        Assembly.Load("Marketplace.BuildingBlocks").GetReferencedAssemblies().Select(a => a.Name!)
            .Should().NotContain(n => Modules.Any(m => n.StartsWith($"Marketplace.{m}")));

    [Fact]
    public void The_host_holds_no_request_or_notification_handler() =>
        typeof(Program).Assembly.GetTypes().Where(t => t.GetInterfaces().Any(i => i.IsGenericType &&
                (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))))
            .Should().BeEmpty("the Host wires modules together and holds no business rule");
}

using NetArchTest.Rules;
using TreatyTracker.Treaties;
using Xunit;

namespace TreatyTracker.Tests.Treaties;

/// <summary>
/// The domain (<c>TreatyTracker.Treaties</c>) is the treaty, its events, the status rules and the decisions: it names
/// no type of the event store, the message bus or the web framework, in its signatures, its fields or its code.
/// </summary>
public class the_domain_has_no_framework_types
{
    private static readonly string[] Frameworks = ["Marten", "Wolverine", "JasperFx", "Weasel", "Npgsql", "Microsoft.AspNetCore"];

    private static NetArchTest.Rules.TestResult DomainRule(string @namespace) => Types.InAssembly(typeof(Treaty).Assembly)
        .That().ResideInNamespace(@namespace)
        .ShouldNot().HaveDependencyOnAny(Frameworks)
        .GetResult();

    [Fact]
    public void no_domain_type_depends_on_marten_wolverine_or_asp_net()
    {
        var result = DomainRule("TreatyTracker.Treaties");

        Assert.True(result.IsSuccessful, "domain types that depend on a framework:\n" +
            string.Join("\n", result.FailingTypes.Select(t => $"{t.FullName}: {t.Explanation}")));
    }

    [Fact]
    public void the_rule_finds_such_a_dependency_where_there_is_one()
    {
        var store = DomainRule("TreatyTracker.Store");

        Assert.False(store.IsSuccessful);
        Assert.Contains("TreatyTracker.Store.TreatyChange", store.FailingTypes.Select(t => t.FullName));
    }

    [Fact]
    public void the_domain_is_not_empty() =>
        Assert.True(Types.InAssembly(typeof(Treaty).Assembly).That().ResideInNamespace("TreatyTracker.Treaties").GetTypes().Count() > 20);

    [Fact]
    public void the_rule_reads_method_bodies_too()
    {
        // The live feed's notice names the serializer only where a method body calls it.
        var rule = Types.InAssembly(typeof(Treaty).Assembly).That().ResideInNamespace("TreatyTracker.Hosting.Live")
            .ShouldNot().HaveDependencyOnAny("System.Text.Json.JsonSerializer").GetResult();

        Assert.Contains(rule.FailingTypes ?? [], t => t.FullName == typeof(TreatyTracker.Hosting.Live.ReadModelsMoved).FullName);
    }
}

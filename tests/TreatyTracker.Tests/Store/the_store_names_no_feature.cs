using NetArchTest.Rules;
using TreatyTracker.Treaties;
using Xunit;

namespace TreatyTracker.Tests.Store;

/// <summary>
/// The store is Marten's configuration and the machinery every read model shares: it names no feature slice. A slice
/// registers its read model (and what it does on every write) itself, so the read side flows one way.
/// </summary>
public class the_store_names_no_feature
{
    [Fact]
    public void no_type_of_the_store_depends_on_a_feature_slice()
    {
        var result = Types.InAssembly(typeof(Treaty).Assembly).That().ResideInNamespace("TreatyTracker.Store")
            .ShouldNot().HaveDependencyOnAny("TreatyTracker.Features", "TreatyTracker.Http").GetResult();

        Assert.True(result.IsSuccessful, "store types that name a feature slice or the HTTP edge:\n" +
            string.Join("\n", result.FailingTypes.Select(t => $"{t.FullName}: {t.Explanation}")));
    }

    [Fact]
    public void every_read_model_lives_in_the_slice_that_registers_it_not_in_the_store()
    {
        var models = typeof(Treaty).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(TreatyTracker.Store.ReadModels.IReadModel).IsAssignableFrom(t)).ToList();

        Assert.True(models.Count >= 10, $"only {models.Count} read models");
        Assert.DoesNotContain(models, m => m.Namespace!.StartsWith("TreatyTracker.Store", StringComparison.Ordinal));
    }
}

using JasperFx.CodeGeneration;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Schema;

/// <summary>
/// Wolverine's handler code is generated ahead of time (src/TreatyTracker/Internal/Generated) for a fast
/// start. Stale generated code must be impossible to miss: this fails until it is regenerated.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class the_generated_code(AppFixture fixture)
{
    private static readonly string Committed = Path.Combine(RepositoryRoot.Path, "src", "TreatyTracker", "Internal", "Generated");

    [Fact]
    public void is_what_wolverine_generates_from_the_code_now()
    {
        var fresh = Directory.CreateTempSubdirectory("generated-").FullName;
        var collections = fixture.Host.Services.GetServices<ICodeFileCollection>().ToArray();
        Assert.NotEmpty(collections);
        foreach (var rules in collections.Select(c => c.Rules).Distinct()) rules.GeneratedCodeOutputPath = fresh;

        new DynamicCodeBuilder(fixture.Host.Services, collections)
        {
            ServiceVariableSource = fixture.Host.Services.GetService<JasperFx.CodeGeneration.Model.IServiceVariableSource>()
        }.WriteGeneratedCode(_ => { });

        var expected = Files(fresh);
        var actual = Files(Committed);
        Assert.NotEmpty(expected);
        Assert.True(expected.Keys.Order().SequenceEqual(actual.Keys.Order()),
            $"Generated files differ: run `dotnet run --project src/TreatyTracker -- codegen write`.\nnow: {string.Join(", ", expected.Keys.Order())}\ncommitted: {string.Join(", ", actual.Keys.Order())}");
        foreach (var (file, code) in expected)
            Assert.True(code == actual[file], $"{file} is stale: run `dotnet run --project src/TreatyTracker -- codegen write`.");
    }

    private static Dictionary<string, string> Files(string root) => Directory.Exists(root)
        ? Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => File.ReadAllText(f).ReplaceLineEndings("\n"))
        : [];
}

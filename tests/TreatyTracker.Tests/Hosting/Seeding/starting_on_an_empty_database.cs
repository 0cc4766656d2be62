using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Seeding;

public sealed class SeededAppFixture(PostgresServer postgres) : AppFixture(postgres)
{
    protected override bool SeedOnStart => true;
}

public class starting_on_an_empty_database(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    [Fact]
    public async Task loads_the_seeds()
    {
        var treaties = (await new TreatyApi(fixture.Host.Server.CreateClient()).GetAsync("/api/treaties")).Body!.AsArray();

        Assert.Equal(Seeds.TreatyIds, treaties.Select(t => t!["id"]!.GetValue<string>()));
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Tests.Infrastructure;
using Weasel.Core.Migrations;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Schema;

/// <summary>migrations/ is the schema of production: a database built from it alone must be what the code expects.</summary>
public class the_migrations(PostgresServer postgres)
{
    private static readonly string[] MigrationFiles = PostgresServer.MigrationFiles;

    private Task<string> DatabaseBuiltFromAsync(IEnumerable<string> files) => postgres.CreateDatabaseFromMigrationsAsync("migrated", files);

    private static async Task AssertSchemaMatchesAsync(IServiceProvider services)
    {
        var sources = services.GetServices<IDatabaseSource>().ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        foreach (var database in await source.BuildDatabases())
            await database.AssertDatabaseMatchesConfigurationAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task match_the_schema_the_code_expects_and_production_runs_on_them()
    {
        Assert.NotEmpty(MigrationFiles);
        var connectionString = await DatabaseBuiltFromAsync(MigrationFiles);

        await using var host = await AppFixture.StartAsync(connectionString, seedOnStart: false, environment: "Production");
        await AssertSchemaMatchesAsync(host.Services);

        var api = await AppFixture.EditorApiAsync(host);
        Assert.Equal(HttpStatusCode.Created, (await api.RegisterAsync("abm")).Status);
        Assert.Equal(HttpStatusCode.Created, (await api.RecordAsync("abm", """{"type":"signed","on":"1972-05-26","parties":["United States","Soviet Union"]}""")).Status);
        await AssertSchemaMatchesAsync(host.Services);
    }

    [Fact]
    public async Task a_database_missing_part_of_them_is_caught()
    {
        var connectionString = await DatabaseBuiltFromAsync(MigrationFiles.Where(f => !f.EndsWith("wolverine.sql")));

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await AppFixture.StartAsync(connectionString, seedOnStart: false, environment: "Production");
            await AssertSchemaMatchesAsync(host.Services);
        });
    }
}

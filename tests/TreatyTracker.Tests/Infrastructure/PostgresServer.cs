using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;
using Xunit;

[assembly: AssemblyFixture(typeof(TreatyTracker.Tests.Infrastructure.PostgresServer))]

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL server for the whole test run, from the first source that answers:
/// <c>TREATYTRACKER_TEST_POSTGRES</c> (a connection string allowed to create databases), a Testcontainers
/// container when a Docker engine answers, or a throwaway cluster from the local PostgreSQL binaries.
/// Every test host gets a database of its own on it.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ConnectionVariable = "TREATYTRACKER_TEST_POSTGRES";

    private PostgreSqlContainer? _container;
    private ThrowawayCluster? _cluster;

    public string AdminConnectionString { get; private set; } = "";
    public string Source { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            AdminConnectionString = configured;
            Source = ConnectionVariable;
            return;
        }

        if (await TryContainerAsync()) return;

        if (!ThrowawayCluster.Available)
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests: set {ConnectionVariable}, run a Docker engine, or install the PostgreSQL binaries.");
        _cluster = await ThrowawayCluster.StartAsync();
        AdminConnectionString = _cluster.AdminConnectionString;
        Source = $"throwaway cluster from {_cluster.Binaries}";
    }

    private async Task<bool> TryContainerAsync()
    {
        try
        {
            _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await _container.StartAsync();
            AdminConnectionString = _container.GetConnectionString();
            Source = "Testcontainers";
            return true;
        }
        catch (Exception e) when (e is DockerUnavailableException || e.InnerException is DockerUnavailableException)
        {
            _container = null;
            return false;
        }
    }

    /// <summary>A new, empty database on the server.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>A new database whose schema is built only from the given migrations/ files, in order.</summary>
    public async Task<string> CreateDatabaseFromMigrationsAsync(string prefix, IEnumerable<string>? files = null)
    {
        var connectionString = await CreateDatabaseAsync(prefix);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var file in files ?? MigrationFiles)
        {
            await using var command = new NpgsqlCommand(await File.ReadAllTextAsync(file), connection);
            await command.ExecuteNonQueryAsync();
        }
        return connectionString;
    }

    public static string[] MigrationFiles { get; } = Directory
        .GetFiles(Path.Combine(RepositoryRoot.Path, "migrations"), "*.sql")
        .Order(StringComparer.Ordinal)
        .ToArray();

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_container is not null) await _container.DisposeAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

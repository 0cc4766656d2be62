using Marten;

namespace TreatyTracker.Features.Keys;

public static class KeysConfiguration
{
    /// <summary>API keys live in the database, so a key issued or revoked through one instance counts on all of them at once.</summary>
    public static void AddKeys(this WebApplicationBuilder builder) =>
        builder.Services.ConfigureMarten(opts => opts.Schema.For<ApiKey>());
}

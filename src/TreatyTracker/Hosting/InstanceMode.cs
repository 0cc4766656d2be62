using TreatyTracker.Hosting.LocalPostgres;

namespace TreatyTracker.Hosting;

public enum InstanceKind
{
    /// <summary>Reads and writes, seeds an empty database and acts on deadlines.</summary>
    Writer,

    /// <summary>Only reads, so that it can run on a PostgreSQL streaming replica (<c>TreatyTracker:ReadOnly</c>).</summary>
    ReadOnly
}

/// <summary>
/// How this instance runs, decided once at start: whether it writes, where its database is, where it hears of changes
/// and whether it may change the schema. Every feature that behaves differently by instance reads it from here.
/// </summary>
/// <param name="Notifications">Where the live feed listens (a standby cannot LISTEN): <c>ConnectionStrings:Notifications</c>,
/// else the database unless the instance is read-only; null when it hears nothing.</param>
/// <param name="SchemaFromMigrations">Production and read-only instances run on a schema built from migrations/ (a replica's
/// cannot be changed at all); elsewhere Marten and Wolverine create what is missing.</param>
public sealed record InstanceMode(InstanceKind Kind, string Database, string? Notifications, bool SchemaFromMigrations)
{
    public const string ReadOnlySetting = "TreatyTracker:ReadOnly";

    public bool Writes => Kind == InstanceKind.Writer;

    /// <returns>Null (with the reason written to stderr) when there is no way to a database.</returns>
    public static async Task<InstanceMode?> ResolveAsync(WebApplicationBuilder builder)
    {
        if (await ProductDatabase.ResolveAsync(builder) is not { } database) return null;
        var kind = builder.Configuration.GetValue(ReadOnlySetting, false) ? InstanceKind.ReadOnly : InstanceKind.Writer;
        var notifications = builder.Configuration.GetConnectionString("Notifications") ?? (kind == InstanceKind.Writer ? database : null);
        var mode = new InstanceMode(kind, database, notifications, builder.Environment.IsProduction() || kind == InstanceKind.ReadOnly);
        builder.Services.AddSingleton(mode);
        return mode;
    }
}

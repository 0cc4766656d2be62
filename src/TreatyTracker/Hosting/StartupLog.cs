using Microsoft.Extensions.Configuration.Memory;

namespace TreatyTracker.Hosting;

/// <summary>
/// What the server says at its default level: where its database is, where it listens, what it seeded; the server's
/// commands (<c>keys</c>, <c>seed</c>, <c>rebuild</c>, <c>codegen</c>, <c>db-…</c>) print only what they are for. Marten's
/// DDL, Wolverine's agents and the like are logged only with <c>--verbose</c>. Configured log levels still win.
/// </summary>
public static class StartupLog
{
    public const string VerboseFlag = "--verbose";

    /// <returns>The arguments without <see cref="VerboseFlag"/>, which is ours, not the commands'.</returns>
    public static string[] WithoutVerbose(string[] args, out bool verbose)
    {
        verbose = args.Contains(VerboseFlag);
        return args.Where(a => a != VerboseFlag).ToArray();
    }

    public static void Apply(WebApplicationBuilder builder, string[] args, bool verbose)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-');
        builder.Host.Properties[typeof(StartupLog)] = command && !verbose;
        if (verbose) return;

        var levels = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Marten"] = "Warning",
            ["Logging:LogLevel:Weasel"] = "Warning",
            ["Logging:LogLevel:Wolverine"] = "Warning",
            ["Logging:LogLevel:JasperFx"] = "Warning",
        };
        if (command)
        {
            levels["Logging:LogLevel:Default"] = "Warning";
            // JasperFx prints "Searching '<assembly>' for commands" for each assembly it looks through, to the console and
            // not to a log, until extensions have been applied once in the process: applying none first keeps it quiet.
            new JasperFx.CommandLine.CommandFactory().ApplyExtensions(new Microsoft.Extensions.DependencyInjection.ServiceCollection());
        }
        // First, so that appsettings, the environment and the command line override it.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = levels });
    }

    /// <summary>Whether a command runs without <see cref="VerboseFlag"/>: it prints nothing but its own output.</summary>
    public static bool QuietCommand(WebApplicationBuilder builder) =>
        builder.Host.Properties.TryGetValue(typeof(StartupLog), out var quiet) && quiet is true;
}

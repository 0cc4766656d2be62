using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace TreatyTracker.Benchmarks;

/// <summary>What a result was measured on: the machine, the runtime and PostgreSQL's settings.</summary>
public static class Machine
{
    public static JsonObject Describe(Dictionary<string, string> postgresSettings, string postgresSource)
    {
        var machine = new JsonObject
        {
            ["cores"] = Environment.ProcessorCount,
            ["memory"] = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim() : "unknown",
            ["os"] = RuntimeInformation.OSDescription,
            ["dotnet"] = Environment.Version.ToString(),
            ["postgres"] = postgresSource
        };
        foreach (var (name, value) in postgresSettings) machine[$"pg.{name}"] = value;
        return machine;
    }
}

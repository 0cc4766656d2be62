using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TreatyTracker.MixedLoad;

namespace TreatyTracker.Benchmarks.Soak;

/// <summary>soak.md for people and soak.json for scripts, in the results folder.</summary>
public static class SoakReport
{
    public static async Task WriteAsync(SoakResult result)
    {
        Directory.CreateDirectory(result.Options.Out);
        await File.WriteAllTextAsync(Path.Combine(result.Options.Out, "soak.json"), Json(result).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        await File.WriteAllTextAsync(Path.Combine(result.Options.Out, "soak.md"), Markdown(result));
        Console.WriteLine($"Results written to {result.Options.Out}/soak.md and soak.json");
    }

    private static JsonObject Json(SoakResult r) => new()
    {
        ["when"] = r.When.ToString("O"),
        ["took"] = $"{r.Took.TotalSeconds:F0} s",
        ["passed"] = r.Failures.Count == 0,
        ["failures"] = new JsonArray(r.Failures.Select(f => (JsonNode?)f).ToArray()),
        ["settings"] = Settings(r),
        ["machine"] = r.Machine.DeepClone(),
        ["loadSeconds"] = Math.Round(r.LoadDuration.TotalSeconds, 1),
        ["requests"] = new JsonArray(r.Figures.Select(f => (JsonNode?)new JsonObject
        {
            ["kind"] = f.Kind, ["requests"] = f.Requests,
            ["byStatus"] = new JsonObject(f.ByStatus.Select(s => KeyValuePair.Create(s.Key.ToString(), (JsonNode?)s.Value))),
            ["perSecond"] = Math.Round(f.PerSecond, 1), ["p50Ms"] = Math.Round(f.P50Ms, 2), ["p99Ms"] = Math.Round(f.P99Ms, 2)
        }).ToArray()),
        ["writes"] = new JsonObject
        {
            ["acknowledged"] = r.Record.Acknowledged, ["stored"] = r.Record.Stored, ["refusedWith409"] = r.RefusedWrites,
            ["missing"] = r.Record.Missing.Count, ["duplicated"] = r.Record.Duplicated.Count,
            ["storedButNotAcknowledged"] = r.Record.StoredButNotAcknowledged.Count
        },
        ["rss"] = new JsonObject
        {
            ["startMiB"] = MiB(r.Memory.StartKiB), ["minMiB"] = MiB(r.Memory.MinKiB), ["maxMiB"] = MiB(r.Memory.MaxKiB), ["endMiB"] = MiB(r.Memory.EndKiB),
            ["firstThirdMiB"] = MiB(r.Memory.FirstThirdKiB), ["lastThirdMiB"] = MiB(r.Memory.LastThirdKiB),
            ["growth"] = Math.Round(r.Memory.Growth, 4), ["tolerance"] = r.Options.RssGrowthTolerance,
            ["samples"] = new JsonArray(r.Samples.Select(s => (JsonNode?)new JsonObject { ["atSeconds"] = Math.Round(s.At.TotalSeconds, 1), ["rssMiB"] = MiB(s.RssKiB) }).ToArray())
        }
    };

    private static JsonObject Settings(SoakResult r) => new()
    {
        ["clients"] = r.Options.Clients,
        ["minutes"] = r.Options.Duration.TotalMinutes,
        ["archive"] = $"{r.Options.Treaties} synthetic treaties, ~{r.Options.Events} events",
        ["mix"] = $"percent of steps: {MixedClient.Mix}",
        ["sampleEverySeconds"] = r.Options.SampleEvery.TotalSeconds,
        ["warmUpSeconds"] = r.Options.WarmUp.TotalSeconds,
        ["hangLimitSeconds"] = r.Options.HangLimit.TotalSeconds,
        ["keys"] = "every request with one editor key (keys create); write rate limit raised out of the way"
    };

    private static string Markdown(SoakResult r)
    {
        var md = new StringBuilder();
        md.AppendLine("# TreatyTracker soak").AppendLine();
        md.AppendLine($"Run {r.When:O}, took {r.Took.TotalSeconds:F0} s: {r.Options.Clients} clients for {r.LoadDuration.TotalSeconds:F0} s of closed-loop " +
                      $"mixed reads and writes on loopback, on {r.Options.Treaties} synthetic treaties (~{r.Options.Events} events), every request with an editor's key.").AppendLine();
        md.AppendLine(r.Failures.Count == 0 ? "**Passed**: every answer 2xx or 409, every acknowledged write stored once, memory settled." : "**Failed**:");
        foreach (var failure in r.Failures) md.AppendLine($"- {failure}");
        md.AppendLine();

        md.AppendLine("| requests | count | by status | per second | p50 | p99 |").AppendLine("| --- | ---: | --- | ---: | ---: | ---: |");
        foreach (var f in r.Figures)
            md.AppendLine($"| {f.Kind} | {f.Requests} | {string.Join(", ", f.ByStatus.Select(s => $"{(s.Key == 0 ? "no answer" : s.Key)}: {s.Value}"))} | {f.PerSecond:F1} | {f.P50Ms:F1} ms | {f.P99Ms:F1} ms |");
        md.AppendLine();

        md.AppendLine($"Writes: {r.Record.Acknowledged} acknowledged with 201, {r.Record.Stored} found in the record afterwards; {r.RefusedWrites} refused with 409 " +
                      $"(none of them stored); missing {r.Record.Missing.Count}, duplicated {r.Record.Duplicated.Count}, stored but not acknowledged {r.Record.StoredButNotAcknowledged.Count}.").AppendLine();

        md.AppendLine($"Server RSS: start {MiB(r.Memory.StartKiB)} MiB, min {MiB(r.Memory.MinKiB)}, max {MiB(r.Memory.MaxKiB)}, end {MiB(r.Memory.EndKiB)}. " +
                      $"After a {r.Options.WarmUp.TotalSeconds:F0} s warm-up, first third {MiB(r.Memory.FirstThirdKiB)} MiB on average, last third {MiB(r.Memory.LastThirdKiB)} MiB: " +
                      $"{r.Memory.Growth:+0.0%;-0.0%} (tolerance +{r.Options.RssGrowthTolerance:0%}).").AppendLine();
        md.AppendLine("| at | RSS |").AppendLine("| ---: | ---: |");
        var every = Math.Max(1, (int)Math.Round(30 / r.Options.SampleEvery.TotalSeconds));
        foreach (var s in r.Samples.Where((_, i) => i % every == 0 || i == r.Samples.Count - 1))
            md.AppendLine($"| {s.At.TotalSeconds:F0} s | {MiB(s.RssKiB)} MiB |");
        md.AppendLine();

        md.AppendLine("Settings:").AppendLine();
        foreach (var (name, value) in Settings(r)) md.AppendLine($"- {name}: {value}");
        md.AppendLine().AppendLine("Machine:").AppendLine();
        foreach (var (name, value) in r.Machine) md.AppendLine($"- {name}: {value}");
        return md.ToString();
    }

    private static double MiB(double kib) => Math.Round(kib / 1024, 1);
}

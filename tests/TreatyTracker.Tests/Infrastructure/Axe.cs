using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>
/// axe-core (pinned in tests/tools/dashboard, installed there with <c>npm ci</c> when missing) run inside a page.
/// It is evaluated through the browser's debugging protocol, which the page's Content-Security-Policy does not
/// govern, so the policy stays as strict under test as in production.
/// </summary>
public static class Axe
{
    public sealed record Violation(string Id, string Impact, string Help, string[] Targets)
    {
        public override string ToString() => $"{Id} ({Impact}): {Help} — {string.Join(", ", Targets)}";
    }

    private static readonly Lazy<Task<string>> Source = new(LoadAsync);

    private static string Tools => Path.Combine(RepositoryRoot.Path, "tests", "tools", "dashboard");

    private static async Task<string> LoadAsync()
    {
        var script = Path.Combine(Tools, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(script))
        {
            var install = new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = Tools, RedirectStandardOutput = true, RedirectStandardError = true };
            using var npm = Process.Start(install)!;
            var output = npm.StandardOutput.ReadToEndAsync();
            var errors = npm.StandardError.ReadToEndAsync();
            await npm.WaitForExitAsync();
            Assert.True(npm.ExitCode == 0, $"npm ci in {Tools} failed ({npm.ExitCode}):\n{await output}\n{await errors}");
        }
        return await File.ReadAllTextAsync(script);
    }

    /// <summary>
    /// The serious and critical violations axe finds in the page as it is now, apart from the rules in
    /// <paramref name="rulesNotRun"/> (only for markup that is not ours: say why where it is used).
    /// </summary>
    public static async Task<IReadOnlyList<Violation>> SeriousViolationsAsync(IPage page, params string[] rulesNotRun)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(await Source.Value);
        var found = await page.EvaluateAsync<JsonElement>("""
            async rulesNotRun => (await axe.run(document, {
                resultTypes: ["violations"], rules: Object.fromEntries(rulesNotRun.map(id => [id, { enabled: false }]))
              })).violations
              .filter(v => v.impact === "serious" || v.impact === "critical")
              .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")) }))
            """, rulesNotRun);
        return found.Deserialize<Violation[]>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}

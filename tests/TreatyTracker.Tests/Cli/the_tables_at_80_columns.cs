using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Cli;

/// <summary>
/// Every table command at 80 columns, in-process and piped: no line is wider, no word or date of the server's answer
/// is broken across lines, and what a narrow table leaves out it says it left out.
/// </summary>
public partial class the_tables_at_80_columns(RunningServer server) : IClassFixture<RunningServer>
{
    public static TheoryData<string[]> Commands() => new(
        ["status", "--as-of", "2019-05-01"],
        ["status", "inf", "--as-of", "1988-06-01"],
        ["status", "open-skies", "--as-of", "2010-01-01"],
        ["status", "new-start", "--as-of", "2026-12-01"],
        ["history", "inf"],
        ["history", "open-skies"],
        ["diff", "inf", "--from", "2019-01-01", "--to", "2019-12-31"],
        ["allegations"],
        ["deadlines", "--from", "2019-01-01", "--to", "2026-12-31"],
        ["state", "Russia", "--as-of", "2023-03-01"],
        ["during", "--from", "2019-01-01", "--to", "2024-01-01"],
        ["news", "--since", "2000-01-01"]);

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task a_table_at_80_columns_breaks_lines_between_words_only(string[] command) =>
        await FitsAsync(command, await Treaty.RunAsync(server.Address, 80, command));

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task a_piped_table_breaks_lines_between_words_only(string[] command) =>
        await FitsAsync(command, await Treaty.PipedAsync(server.Address, command));

    private async Task FitsAsync(string[] command, CliRun narrow)
    {
        var json = await Treaty.RunAsync(server.Address, 80, [.. command, "--json"]);
        var wide = await Treaty.RunAsync(server.Address, 400, command);
        Assert.Equal((0, 0, 0), (narrow.ExitCode, json.ExitCode, wide.ExitCode));

        var words = Words(JsonNode.Parse(json.Output)!).ToHashSet();
        var dates = Dates(json.Output).ToHashSet();
        var lines = narrow.Output.TrimEnd().Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.Empty(Broken(lines, words, dates));
        var shown = Dates(narrow.Output);
        Assert.Contains(shown, dates.Contains);
        if (!narrow.Output.Contains("Left out at this width: ")) Assert.Subset(shown.ToHashSet(), Dates(wide.Output).ToHashSet());
    }

    /// <summary>Every word of every text in the answer, without the punctuation around it.</summary>
    private static IEnumerable<string> Words(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Words(p.Value)),
        JsonArray a => a.SelectMany(e => e is null ? [] : Words(e)),
        JsonValue v when v.TryGetValue<string>(out var text) => Separator().Split(text).Select(Bare).Where(w => w.Length > 1),
        _ => []
    };

    /// <summary>
    /// Where a line of a column ends with the start of a word and the next line of that column goes on with it; a date
    /// may go on with more (an instant's time).
    /// </summary>
    private static IEnumerable<string> Broken(string[] lines, HashSet<string> words, HashSet<string> dates)
    {
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            string[] above = lines[i].Split('│'), below = lines[i + 1].Split('│');
            if (above.Length != below.Length) continue;
            for (var c = 0; c < above.Length; c++)
            {
                var end = Bare(Separator().Split(above[c].Trim()).Last());
                var start = Bare(Separator().Split(below[c].Trim()).First());
                if (end.Length == 0 || start.Length == 0) continue;
                foreach (var word in words.Union(dates).Where(w => w.Length > end.Length && w.StartsWith(end, StringComparison.Ordinal)))
                    if (word.StartsWith(end + start, StringComparison.Ordinal) || (dates.Contains(word) && (end + start).StartsWith(word, StringComparison.Ordinal)))
                        yield return $"'{word}' broken as '{end}' / '{start}' at line {i + 1}:\n{lines[i]}\n{lines[i + 1]}";
            }
        }
    }

    private static string Bare(string word) => word.Trim('(', ')', '[', ']', ',', ';', '.', ':', '"', '\'');

    private static string[] Dates(string text) => [.. Date().Matches(text).Select(m => m.Value).Distinct()];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex Date();
}

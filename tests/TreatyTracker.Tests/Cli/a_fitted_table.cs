using Spectre.Console;
using TreatyTracker.Cli.Commands;
using Xunit;

namespace TreatyTracker.Tests.Cli;

public class a_fitted_table
{
    private static FittedTable Deadlines() => Output.Table("Deadlines", "On", "Who", new Column("What", Drop: 2, FoldInto: "On", FoldAs: "{0}"),
            new Column("Source", Drop: 1), "Empty")
        .AddRow("2019-08-02", "United States of America", "withdrawal-takes-effect", "https://example.org/a-very-long-address-of-a-source", "")
        .AddRow("2026-02-05", "the treaty", "expiry", "https://example.org/another", "");

    /// <summary>The lines the table draws at a width, none of them wider.</summary>
    private static string[] Drawn(FittedTable table, int width)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = width;
        console.Write(table);
        var lines = writer.ToString().TrimEnd().Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= width, line));
        return lines;
    }

    [Fact]
    public void is_drawn_whole_when_it_fits_but_for_a_column_empty_in_every_row()
    {
        var lines = Drawn(Deadlines(), 200);

        Assert.Contains(lines, line => line.Contains("│ 2019-08-02 │ United States of America │ withdrawal-takes-effect │ https://example.org/a-very-long-address-of-a-source │"));
        Assert.DoesNotContain(lines, line => line.Contains("Empty") || line.Contains("Left out"));
    }

    [Fact]
    public void leaves_out_the_least_important_column_first_and_says_so()
    {
        var lines = Drawn(Deadlines(), 60);

        Assert.DoesNotContain(lines, line => line.Contains("example.org"));
        Assert.Contains(lines, line => line.Contains("withdrawal-takes-effect"));
        Assert.Equal("Left out at this width: Source. --json or a wider terminal shows them.", string.Join(" ", lines.SkipWhile(l => !l.StartsWith("Left out")).Select(l => l.Trim())));
    }

    [Fact]
    public void folds_a_column_into_another_cell_rather_than_break_a_word()
    {
        var lines = Drawn(Deadlines(), 45);

        Assert.Contains(lines, line => line.Contains("│ 2019-08-02 "));
        Assert.Contains(lines, line => line.Contains("(withdrawal-takes-effect)"));
        Assert.DoesNotContain(lines, line => line.Contains("│ What"));
        Assert.Contains(lines, line => line.Contains("America"));
    }
}

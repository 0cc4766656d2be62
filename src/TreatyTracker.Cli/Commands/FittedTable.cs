using Spectre.Console;
using Spectre.Console.Rendering;

namespace TreatyTracker.Cli.Commands;

/// <summary>
/// A column of a <see cref="FittedTable"/>; its cells wrap between words, never inside one (dates, statuses and ids are
/// one word). <paramref name="Drop"/> says when the column gives way to a narrow terminal: 0 never, else the highest goes first. A dropped column with <paramref name="FoldInto"/> is written into that column's cell
/// instead, as <paramref name="FoldAs"/> (with {0} for its text).
/// </summary>
public sealed record Column(string Header, int Drop = 0, string? FoldInto = null, string FoldAs = "{0}")
{
    public static implicit operator Column(string header) => new(header);
}

/// <summary>
/// A table that fits the width it is drawn at: every column is at least as wide as its longest word, and when they do not all fit, the least important columns are left out, or folded into another cell,
/// with a line that names what is missing. A column empty in every row is not shown.
/// </summary>
public sealed class FittedTable(string title, IReadOnlyList<Column> columns) : Renderable
{
    // A rounded border: one line at the left, then per column a space either side and a line.
    private const int BorderWidth = 1, ColumnFrame = 3;

    private readonly List<string[]> _rows = [];

    public FittedTable AddRow(params string[] cells)
    {
        if (cells.Length != columns.Count) throw new ArgumentException($"{columns.Count} cells expected, not {cells.Length}", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    protected override Measurement Measure(RenderOptions options, int maxWidth) => ((IRenderable)Fit(options, maxWidth)).Measure(options, maxWidth);

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => ((IRenderable)Fit(options, maxWidth)).Render(options, maxWidth);

    private IRenderable Fit(RenderOptions options, int maxWidth)
    {
        var shown = Enumerable.Range(0, columns.Count).Where(c => _rows.Count == 0 || _rows.Any(row => row[c].Length > 0)).ToList();
        var empty = Enumerable.Range(0, columns.Count).Except(shown).ToList();
        int[] least = [.. columns.Select((_, c) => Least(options, c))];
        while (shown.Sum(c => least[c] + ColumnFrame) + BorderWidth > maxWidth && shown.Where(c => columns[c].Drop > 0).ToList() is { Count: > 0 } droppable)
        {
            var dropped = droppable.MaxBy(c => columns[c].Drop);
            shown.Remove(dropped);
            if (Target(dropped) is { } target) least[target] = Least(options, target, Folded(target, shown));
        }

        var widths = Widths(shown, least, [.. shown.Select(c => Widest(options, c, Folded(c, shown)))], maxWidth - BorderWidth - ColumnFrame * shown.Count);
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        for (var i = 0; i < shown.Count; i++)
        {
            var column = new TableColumn(columns[shown[i]].Header);
            if (widths is not null) column.Width = widths[i];
            table.AddColumn(column);
        }
        foreach (var row in _rows)
            table.AddRow([.. shown.Select(c => Cell(row, c, Folded(c, shown)))]);

        var left = columns.Where((column, c) => !shown.Contains(c) && !empty.Contains(c) && column.FoldInto is null).Select(column => column.Header).ToList();
        return left.Count == 0
            ? table
            : new Rows(table, new Markup($"[grey]Left out at this width: {Markup.Escape(string.Join(", ", left))}. --json or a wider terminal shows them.[/]"));
    }

    /// <summary>Each shown column's width: all it wants if that fits, else its least plus a share of what is left, in proportion to what it lacks.</summary>
    private static int[]? Widths(List<int> shown, int[] least, int[] widest, int room)
    {
        int[] floor = [.. shown.Select(c => least[c])];
        if (widest.Sum() <= room) return widest;
        if (floor.Sum() > room) return null; // Too narrow even for the words: let Spectre do what it can.
        var lacking = widest.Select((w, i) => w - floor[i]).ToArray();
        var spare = room - floor.Sum();
        var total = lacking.Sum();
        var widths = floor.Select((f, i) => f + spare * lacking[i] / total).ToArray();
        for (var i = 0; widths.Sum() < room; i = (i + 1) % widths.Length)
            if (widths[i] < widest[i]) widths[i]++;
        return widths;
    }

    private int? Target(int column) =>
        columns[column].FoldInto is { } header ? columns.Select((c, i) => (c, i)).Single(x => x.c.Header == header).i : null;

    /// <summary>The dropped columns whose text goes into this one's cells.</summary>
    private int[] Folded(int column, List<int> shown) =>
        [.. Enumerable.Range(0, columns.Count).Where(c => !shown.Contains(c) && Target(c) == column)];

    private string Cell(string[] row, int column, params int[] folded) =>
        string.Concat(folded.Where(f => row[f].Length > 0).Select(f => $" [grey]({string.Format(columns[f].FoldAs, row[f])})[/]").Prepend(row[column]));

    /// <summary>The narrowest the column can be without breaking a word.</summary>
    private int Least(RenderOptions options, int column, params int[] folded) =>
        Cells(column, folded).SelectMany(cell => cell.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Max(word => Length(options, word));

    private int Widest(RenderOptions options, int column, int[] folded) => Cells(column, folded).Max(cell => Length(options, cell));

    private IEnumerable<string> Cells(int column, int[] folded) =>
        _rows.Select(row => Markup.Remove(Cell(row, column, folded))).Prepend(columns[column].Header);

    private static int Length(RenderOptions options, string text) => ((IRenderable)new Text(text)).Measure(options, int.MaxValue).Max;
}

using System.ComponentModel;
using System.Net.Http.Headers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TreatyTracker.Cli.Commands;

public sealed class ImportSettings : ServerSettings
{
    [CommandArgument(0, "<FILE>")] [Description("A .json or .csv file in the export format")] public string File { get; init; } = "";

    public override ValidationResult Validate() =>
        !System.IO.File.Exists(File) ? ValidationResult.Error($"No file '{File}'")
        : Path.GetExtension(File).ToLowerInvariant() is not (".json" or ".csv") ? ValidationResult.Error("The file must end in .json or .csv")
        : base.Validate();
}

[Description("Import a file through POST /api/import: all rows or none, every rejected row reported with its line")]
public sealed class ImportCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<ImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellation)
    {
        using var client = clients.For(settings);
        var bytes = await System.IO.File.ReadAllBytesAsync(settings.File, cancellation);
        var mediaType = Path.GetExtension(settings.File).Equals(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : "text/csv";
        try
        {
            var result = await console.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var upload = progress.AddTask($"Sending {Path.GetFileName(settings.File)}", maxValue: bytes.Length);
                var content = new ProgressContent(bytes, sent => upload.Value = sent);
                content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                var answer = await client.PostAsync("/api/import", content, cancellation);
                upload.Value = bytes.Length;
                return answer;
            });
            console.MarkupLine($"Imported {Output.Text(result["rows"])} rows: {Output.Text(result["treatiesRegistered"])} treaties registered, " +
                               $"{Output.Text(result["eventsRecorded"])} events recorded.");
            return 0;
        }
        catch (ServerProblem problem) when (problem.Problem?["rows"] is { } rows)
        {
            var table = Output.Table($"Nothing was imported: {rows.AsArray().Count} rejected row(s)", "Line", "Treaty", "Field", "Problem");
            foreach (var row in rows.AsArray())
            foreach (var (field, messages) in row!["errors"]!.AsObject())
            foreach (var message in messages!.AsArray())
                table.AddRow(Output.Text(row["line"]), Output.Text(row["treaty"]), Markup.Escape(field), Output.Text(message));
            console.Write(table);
            return 1;
        }
    }

    /// <summary>Request content that reports how much of the file has been sent.</summary>
    private sealed class ProgressContent(byte[] bytes, Action<long> report) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            const int chunk = 64 * 1024;
            for (var offset = 0; offset < bytes.Length; offset += chunk)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)));
                report(Math.Min(offset + chunk, bytes.Length));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}

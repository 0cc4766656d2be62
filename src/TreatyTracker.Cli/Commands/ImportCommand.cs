using System.ComponentModel;
using System.Net.Http.Headers;
using Spectre.Console;
using Spectre.Console.Cli;
using TreatyTracker.Cli.Api;

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
                var answer = await client.Api.ImportFileAsync(content, cancellation);
                upload.Value = bytes.Length;
                return answer;
            });
            await client.ReadModelsIncludeMyWritesAsync(cancellation);
            console.MarkupLine($"Imported {result.Rows} rows: {result.TreatiesRegistered} treaties registered, {result.EventsRecorded} events recorded.");
            return 0;
        }
        catch (ApiException<ProblemDetails> refused) when (refused.Result.Rows is { Count: > 0 } rows)
        {
            var table = Output.Table($"Nothing was imported: {rows.Count} rejected row(s)", "Line", "Treaty", "Field", "Problem");
            foreach (var row in rows)
            foreach (var (field, messages) in row.Errors)
            foreach (var message in messages)
                table.AddRow(Output.Text(row.Line), Output.Text(row.Treaty), Markup.Escape(field), Output.Text(message));
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

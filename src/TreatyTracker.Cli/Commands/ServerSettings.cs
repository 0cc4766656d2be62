using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TreatyTracker.Cli.Commands;

public class ServerSettings : CommandSettings
{
    [CommandOption("--server <URL>")]
    [Description("The TreatyTracker server (default: $TREATY_SERVER, else http://localhost:5080)")]
    public string? Server { get; init; }

    public Uri ServerUri => new(Server ?? Environment.GetEnvironmentVariable("TREATY_SERVER") ?? "http://localhost:5080");

    [CommandOption("--api-key <KEY>")]
    [Description("The API key to send (default: $TREATY_API_KEY). Writes need an editor's key; reads need one only if the server says so")]
    public string? ApiKey { get; init; }

    public string? ApiKeyOrDefault => ApiKey ?? Environment.GetEnvironmentVariable("TREATY_API_KEY");

    public override ValidationResult Validate() =>
        Uri.TryCreate(Server ?? "http://localhost:5080", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--server must be an http(s) URL, not '{Server}'");
}

public class ReadSettings : ServerSettings
{
    [CommandOption("--json")]
    [Description("Print the server's JSON instead of a table (for scripts)")]
    public bool Json { get; init; }
}

/// <summary>Makes a client for the server a command names; tests give it an in-process handler.</summary>
public sealed class ClientFactory(HttpMessageHandler? handler)
{
    public TreatyClient For(ServerSettings settings) => new(settings.ServerUri, settings.ApiKeyOrDefault, handler);
}

public static class Dates
{
    public static ValidationResult Check(string option, string? value) =>
        value is null || DateOnly.TryParseExact(value, "yyyy-MM-dd", out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"{option} must be a date YYYY-MM-DD, not '{value}'");

    /// <summary>A date option, once <see cref="Check"/> has passed it.</summary>
    public static DateOnly? Of(string? value) => value is null ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static ValidationResult All(params ValidationResult[] results) =>
        results.FirstOrDefault(r => !r.Successful) ?? ValidationResult.Success();
}

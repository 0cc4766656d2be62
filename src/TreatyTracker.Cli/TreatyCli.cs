using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TreatyTracker.Cli.Api;
using TreatyTracker.Cli.Commands;

namespace TreatyTracker.Cli;

/// <summary>
/// `treaty`: exit 0 on success, 1 on a problem the server reported (or an unreachable server), 2 on bad usage.
/// </summary>
public static class TreatyCli
{
    public const int Ok = 0;
    public const int ServerReportedProblem = 1;
    public const int BadUsage = 2;

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, HttpMessageHandler? handler = null)
    {
        var registrar = new Registrar();
        registrar.RegisterInstance(typeof(ClientFactory), new ClientFactory(handler));
        registrar.RegisterInstance(typeof(IAnsiConsole), console);

        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("treaty");
            config.Settings.Console = console;
            config.Settings.StrictParsing = true;
            config.Settings.ExceptionHandler = (exception, _) => Report(console, exception);
            config.AddCommand<StatusCommand>("status").WithExample("status", "inf", "--as-of", "2019-05-01");
            config.AddCommand<HistoryCommand>("history").WithExample("history", "inf");
            config.AddCommand<DiffCommand>("diff").WithExample("diff", "inf", "--from", "2019-01-01", "--to", "2019-12-31");
            config.AddCommand<AllegationsCommand>("allegations").WithExample("allegations", "--accuser", "Russia");
            config.AddCommand<StateCommand>("state").WithExample("state", "Russia", "--as-of", "2023-03-01");
            config.AddCommand<DuringCommand>("during").WithExample("during", "--from", "2019-01-01", "--to", "2024-01-01", "--status", "suspended");
            config.AddCommand<NewsCommand>("news").WithExample("news", "--since", "2026-11-01");
            config.AddCommand<DeadlinesCommand>("deadlines").WithExample("deadlines", "--from", "2019-01-01", "--to", "2026-12-31");
            config.AddCommand<RecordCommand>("record").WithExample("record", "inf", "statement", "--on", "2019-02-01", "--summary", "…");
            config.AddCommand<ExportCommand>("export").WithExample("export", "--format", "csv", "--out", "archive.csv");
            config.AddCommand<ImportCommand>("import").WithExample("import", "archive.csv");
        });
        return await app.RunAsync(args);
    }

    private static int Report(IAnsiConsole console, Exception exception)
    {
        switch (exception)
        {
            case ApiException<ProblemDetails> { Result: var problem } refused:
                return Refused(console, refused, problem);
            // A status the contract does not document for the operation (a 401 on a read where reads want a key, a 429, a 500):
            // the generated client leaves the body as text, which is still the server's RFC 7807 problem.
            case ApiException unexpected when ProblemIn(unexpected.Response) is { } problem:
                return Refused(console, unexpected, problem);
            case ApiException unreadable when string.IsNullOrWhiteSpace(unreadable.Response):
                console.MarkupLine($"[red]The server answered {unreadable.StatusCode}, but its answer could not be read:[/] {Markup.Escape(Reason(unreadable))}");
                KeyHint(console, unreadable.StatusCode);
                return ServerReportedProblem;
            case ApiException unexpected:
                console.MarkupLine($"[red]The server answered {unexpected.StatusCode}:[/] {Markup.Escape(unexpected.Response ?? "")}");
                KeyHint(console, unexpected.StatusCode);
                return ServerReportedProblem;
            case ServerUnreachable unreachable:
                console.MarkupLine($"[red]{Markup.Escape(unreachable.Message)}[/]");
                return ServerReportedProblem;
            case CommandAppException usage:
                console.MarkupLine($"[red]{Markup.Escape(usage.Message)}[/] (see treaty --help)");
                return BadUsage;
            default:
                console.MarkupLine($"[red]Unexpected error:[/] {Markup.Escape(exception.Message)}");
                return ServerReportedProblem;
        }
    }

    private static int Refused(IAnsiConsole console, ApiException refused, ProblemDetails problem)
    {
        console.MarkupLine($"[red]The server refused ({refused.StatusCode}):[/] {Markup.Escape(problem.Detail ?? problem.Title ?? Reason(refused))}");
        foreach (var (field, messages) in problem.Errors ?? new Dictionary<string, ICollection<string>>())
        foreach (var message in messages)
            console.MarkupLine($"  {Markup.Escape(field)}: {Markup.Escape(message)}");
        KeyHint(console, refused.StatusCode);
        return ServerReportedProblem;
    }

    private static void KeyHint(IAnsiConsole console, int status)
    {
        if (status is 401)
            console.MarkupLine("  Pass an API key with --api-key or the TREATY_API_KEY environment variable (see the README, 'API keys').");
    }

    /// <summary>A body that is an RFC 7807 problem (a JSON object with a title or a detail), else null.</summary>
    private static ProblemDetails? ProblemIn(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind is not JsonValueKind.Object
                || !(document.RootElement.TryGetProperty("title", out _) || document.RootElement.TryGetProperty("detail", out _)))
                return null;
            return document.RootElement.Deserialize<ProblemDetails>(TreatyTrackerApi.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Why the client gave up: its message without the status and body it appends, and the cause's.</summary>
    private static string Reason(ApiException exception)
    {
        var message = exception.Message;
        var appended = message.IndexOf("\n\nStatus: ", StringComparison.Ordinal);
        if (appended >= 0) message = message[..appended];
        return exception.InnerException is { Message: var cause } ? $"{message} ({cause})" : message;
    }

    /// <summary>The few services the commands need, without a container.</summary>
    private sealed class Registrar : ITypeRegistrar, ITypeResolver
    {
        private readonly Dictionary<Type, List<Func<object>>> _factories = new();

        public void Register(Type service, Type implementation) => Add(service, () => Create(implementation));
        public void RegisterInstance(Type service, object implementation) => Add(service, () => implementation);
        public void RegisterLazy(Type service, Func<object> factory) => Add(service, factory);
        public ITypeResolver Build() => this;

        public object? Resolve(Type? type)
        {
            if (type is null) return null;
            if (_factories.TryGetValue(type, out var factories)) return factories[^1]();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                var element = type.GetGenericArguments()[0];
                var all = _factories.TryGetValue(element, out var registered) ? registered.Select(f => f()).ToArray() : [];
                var array = Array.CreateInstance(element, all.Length);
                all.CopyTo(array, 0);
                return array;
            }
            return type.IsAbstract || type.IsInterface ? null : Create(type);
        }

        private void Add(Type service, Func<object> factory)
        {
            if (!_factories.TryGetValue(service, out var factories)) _factories[service] = factories = [];
            factories.Add(factory);
        }

        private object Create(Type type)
        {
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            return constructor.Invoke(constructor.GetParameters().Select(p => Resolve(p.ParameterType)).ToArray());
        }
    }
}

using Spectre.Console;
using TreatyTracker.Cli;

return await TreatyCli.RunAsync(args, AnsiConsole.Console);

using System.Text.Json;
using JasperFx.CommandLine;
using Marten;
using TreatyTracker.Features.Keys;

namespace TreatyTracker.Hosting.Commands;

public sealed class KeysInput : NetCoreInput
{
    [Description("list, create or revoke")]
    public string Action { get; set; } = "list";

    [Description("create: who holds the key; revoke: the key's id")]
    public string Target { get; set; } = "";

    [Description("create: reader, editor or admin (default: editor)")]
    public string RoleFlag { get; set; } = "editor";
}

/// <summary>Key administration on the server's own machine: how the first admin key comes to exist.</summary>
[Description("Issue, list or revoke API keys (a new key is shown once, here)")]
public sealed class KeysCommand : JasperFxAsyncCommand<KeysInput>
{
    public KeysCommand()
    {
        Usage("List every key").Arguments(x => x.Action);
        Usage("Issue a key to a holder, or revoke a key by its id").Arguments(x => x.Action, x => x.Target);
    }

    public override async Task<bool> Execute(KeysInput input)
    {
        using var host = await CommandHost.BuildAsync(input);
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var administrator = $"keys command ({Environment.UserName})";
        await using var session = store.LightweightSession();

        switch (input.Action.ToLowerInvariant())
        {
            case "create":
                if (!Enum.TryParse<Role>(input.RoleFlag, ignoreCase: true, out var role) || !Enum.IsDefined(role))
                    return Refuse($"--role must be reader, editor or admin, not '{input.RoleFlag}'.");
                var (issued, refusal) = IssueApiKey.Decide(new IssueApiKeyRequest(input.Target, role), administrator, now);
                if (refusal is not null) return Refuse(refusal.Detail);
                var key = issued!.Stored;
                session.Insert(key);
                await session.SaveChangesAsync();
                Console.WriteLine($"Issued {Word(key.Role)} key {key.Id} to {key.Name}. The key is shown only now:");
                Console.WriteLine(issued.Token.ToString());
                return true;

            case "revoke":
                var existing = await session.LoadAsync<ApiKey>(input.Target);
                if (existing is null) return Refuse($"No API key has the id '{input.Target}'.");
                session.Store(existing.Revoked(administrator, now));
                await session.SaveChangesAsync();
                Console.WriteLine($"Revoked key {existing.Id} ({existing.Name}).");
                return true;

            case "list":
                foreach (var listed in (await session.Query<ApiKey>().OrderBy(k => k.CreatedAt).ToListAsync()).Select(ApiKeyListed.From))
                    Console.WriteLine($"{listed.Id}  {Word(listed.Role),-6}  {listed.Name}  created {listed.CreatedAt:u}{(listed.RevokedAt is { } at ? $"  REVOKED {at:u}" : "")}");
                return true;

            default:
                return Refuse($"The action must be list, create or revoke, not '{input.Action}'.");
        }
    }

    /// <summary>A role as the API and the README write it: reader, editor, admin.</summary>
    private static string Word(Role role) => JsonNamingPolicy.CamelCase.ConvertName(role.ToString());

    private static bool Refuse(string message)
    {
        Console.Error.WriteLine(message);
        return false;
    }
}

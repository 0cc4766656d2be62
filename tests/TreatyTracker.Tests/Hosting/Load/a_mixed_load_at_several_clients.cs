using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using TreatyTracker.MixedLoad;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Load;

/// <summary>
/// Several clients reading and writing at once against the server process on the seeds (a handful of treaties, so writes
/// race on the same streams), bounded by the number of steps, not by time: the soak of the benchmarks in small.
/// </summary>
public class a_mixed_load_at_several_clients(RunningServer server) : IClassFixture<RunningServer>
{
    private const int Clients = 8;
    private const int StepsPerClient = 60;
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task answers_every_request_with_2xx_or_a_409_problem_and_keeps_every_acknowledged_write_exactly_once()
    {
        var treaties = await LoadTreaty.ReadAllAsync(server.Client);
        Assert.Equal(Seeds.TreatyIds.Count, treaties.Count);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = HangLimit };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.EditorKeyAsync());

        var perClient = await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var mixed = new MixedClient(http, treaties, $"client {client}", seed: client);
            var answers = new List<LoadAnswer>();
            for (var step = 0; step < StepsPerClient; step++)
            {
                var next = await mixed.NextAsync();
                answers.AddRange(next);
                if (next.Any(a => a.Status is null)) break; // hung or refused: one is enough to fail, and the next would wait as long
            }
            return answers;
        })));
        var answers = perClient.SelectMany(a => a).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', answers
            .GroupBy(a => (a.Kind, a.Status))
            .OrderBy(g => g.Key.Kind)
            .Select(g => $"{g.Key.Kind} {(int?)g.Key.Status}: {g.Count()}, slowest {g.Max(a => a.Milliseconds):F0} ms")));

        Assert.All(answers, a => Assert.True(a.IsExpected, $"{a}\nserver output:\n{server.Output}"));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.Conflict), a =>
        {
            Assert.Equal("application/problem+json", a.ContentType);
            Assert.Equal(409, JsonNode.Parse(a.Body!)!["status"]!.GetValue<int>());
        });
        Assert.All(answers.Where(a => a.Kind == RequestKind.WriteWithStaleIfMatch), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        Assert.Contains(answers, a => a.Kind == RequestKind.WriteWithStaleIfMatch);
        Assert.Contains(answers, a => a is { IsWrite: true, Status: HttpStatusCode.Created });

        var record = await RecordCheck.ReadAsync(http, answers);
        Assert.True(record.Holds, record.ToString());
        Assert.Equal(answers.Count(a => a is { IsWrite: true, Status: HttpStatusCode.Created }), record.Stored);
    }
}

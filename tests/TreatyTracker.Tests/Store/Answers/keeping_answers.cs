using System.Text;
using Microsoft.Extensions.Configuration;
using TreatyTracker.Hosting;
using TreatyTracker.Http;
using TreatyTracker.Store.Answers;
using Xunit;

namespace TreatyTracker.Tests.Store.Answers;

/// <summary>When the cache may serve a kept answer, and when it must read again. No database: the reads are counted.</summary>
public class keeping_answers
{
    private int _reads;

    private Task<KeptAnswer?> Read(string text)
    {
        _reads++;
        return Task.FromResult<KeptAnswer?>(JsonAnswer.Of(text));
    }

    private static async Task<string> TextOf(Task<KeptAnswer?> answer) => Encoding.UTF8.GetString((await answer)!.Body);

    private static AnswerCache Hearing(int megaBytes = 1)
    {
        var cache = new AnswerCache(megaBytes);
        cache.Hearing(true);
        return cache;
    }

    [Fact]
    public async Task an_answer_is_read_once_and_kept_until_its_treaty_changes()
    {
        using var cache = Hearing();

        Assert.Equal("\"first\"", await TextOf(cache.AnswerAsync("inf", "q", () => Read("first"))));
        Assert.Equal("\"first\"", await TextOf(cache.AnswerAsync("inf", "q", () => Read("second"))));
        Assert.Equal(1, _reads);

        cache.Forget("inf");

        Assert.Equal("\"third\"", await TextOf(cache.AnswerAsync("inf", "q", () => Read("third"))));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task questions_and_treaties_are_kept_apart_and_a_change_forgets_only_its_treaty()
    {
        using var cache = Hearing();
        await cache.AnswerAsync("inf", "asOf=1990", () => Read("inf 1990"));
        await cache.AnswerAsync("inf", "asOf=2020", () => Read("inf 2020"));
        await cache.AnswerAsync("new-start", "asOf=1990", () => Read("new-start 1990"));

        cache.Forget("inf");

        Assert.Equal("\"new-start 1990\"", await TextOf(cache.AnswerAsync("new-start", "asOf=1990", () => Read("again"))));
        Assert.Equal("\"inf 2020 again\"", await TextOf(cache.AnswerAsync("inf", "asOf=2020", () => Read("inf 2020 again"))));
        Assert.Equal(4, _reads);
    }

    [Fact]
    public async Task a_change_to_any_treaty_forgets_the_answers_about_every_treaty()
    {
        using var cache = Hearing();
        await cache.AnswerAsync(AnswerCache.EveryTreaty, "q", () => Read("every"));
        await cache.AnswerAsync(AnswerCache.EveryTreaty, "q", () => Read("every"));
        Assert.Equal(1, _reads);

        cache.Forget("new-start");

        Assert.Equal("\"every again\"", await TextOf(cache.AnswerAsync(AnswerCache.EveryTreaty, "q", () => Read("every again"))));
    }

    [Fact]
    public async Task a_read_that_raced_a_change_is_not_served_afterwards()
    {
        using var cache = Hearing();

        // The commit lands while the database is being read: what was read may predate it.
        await cache.AnswerAsync("inf", "q", () =>
        {
            cache.Forget("inf");
            return Read("maybe before the change");
        });

        Assert.Equal("\"after the change\"", await TextOf(cache.AnswerAsync("inf", "q", () => Read("after the change"))));
    }

    [Fact]
    public async Task nothing_is_kept_while_not_hearing_and_nothing_kept_before_is_trusted_after()
    {
        using var cache = Hearing();
        await cache.AnswerAsync("inf", "q", () => Read("heard"));

        cache.Hearing(false);
        Assert.False(cache.IsOn);
        await cache.AnswerAsync("inf", "q", () => Read("deaf 1"));
        await cache.AnswerAsync("inf", "q", () => Read("deaf 2"));
        Assert.Equal(3, _reads);

        cache.Hearing(true);
        Assert.Equal("\"hearing again\"", await TextOf(cache.AnswerAsync("inf", "q", () => Read("hearing again"))));
        Assert.Equal(4, _reads);
    }

    [Fact]
    public async Task forgetting_everything_forgets_every_treaty()
    {
        using var cache = Hearing();
        await cache.AnswerAsync("inf", "q", () => Read("inf"));
        await cache.AnswerAsync("new-start", "q", () => Read("new-start"));

        cache.ForgetEverything();
        await cache.AnswerAsync("inf", "q", () => Read("inf"));
        await cache.AnswerAsync("new-start", "q", () => Read("new-start"));

        Assert.Equal(4, _reads);
    }

    [Fact]
    public async Task an_unknown_treaty_is_not_kept()
    {
        using var cache = Hearing();
        Assert.Null(await cache.AnswerAsync("nowhere", "q", () => { _reads++; return Task.FromResult<KeptAnswer?>(null); }));
        Assert.Null(await cache.AnswerAsync("nowhere", "q", () => { _reads++; return Task.FromResult<KeptAnswer?>(null); }));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task with_no_memory_given_it_is_off_and_reads_every_time()
    {
        using var cache = Hearing(megaBytes: 0);

        Assert.False(cache.IsOn);
        await cache.AnswerAsync("inf", "q", () => Read("one"));
        await cache.AnswerAsync("inf", "q", () => Read("two"));
        Assert.Equal(2, _reads);
    }

    [Theory]
    [InlineData(true, "Host=replica", "Host=primary", false)]
    [InlineData(true, "Host=primary", "Host=primary", true)]
    [InlineData(false, "Host=primary", "Host=primary;Pooling=false", true)]
    public void a_read_only_instance_that_hears_changes_from_another_server_than_it_reads_keeps_nothing(
        bool readOnly, string reads, string hears, bool keeps)
    {
        var mode = new InstanceMode(readOnly ? InstanceKind.ReadOnly : InstanceKind.Writer, reads, hears, SchemaFromMigrations: readOnly);
        using var cache = AnswerCache.For(new ConfigurationBuilder().Build(), mode);

        cache.Hearing(true);

        Assert.Equal(keeps, cache.IsOn);
    }
}

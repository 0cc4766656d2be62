using TreatyTracker.Hosting.Seeding;
using TreatyTracker.Tests.Infrastructure;
using TreatyTracker.Treaties.Decisions;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Seeding;

/// <summary>The data quality of seeds/: every event cited by a source an analyst could quote, or its certainty says no source was found.</summary>
public class the_seeds_can_be_cited
{
    /// <summary>Mirror wikis, forums, content farms, aggregators and relays of unknown or misleading provenance.</summary>
    private static readonly string[] WeakDomains =
    [
        "wikipedia.org", "wikimedia.org", "wiki.studentb.eu", "wikiwand.com", "armeniandiaspora.com", "pledgetimes.com", "particle.news",
        "rationalreview.com", "nuclearforces.org", "azertag.az", "news.am", "dailysabah.com", "docslib.org", "lauriemeadows.info",
        "newskitchen.eu", "freenews-en.tk", "news-pravda.com", "z1023online.com", "thenewsdunia.com", "195news.com",
        "washingtontimesmag.com", "x-mol.com", "english.pravda.ru", "trend.az", "lithuaniatribune.com",
        // met while researching the US-Russia architecture (issue #20): content farms copying treaty texts and narratives, relays and mirrors
        "saffronstays.com", "soustruzenidreva.cz", "chistejoias.com.br", "ilovetranslation.com", "asiaease.com", "bibliboba.com", "informat.ro",
        "digitalagendastrategy.eu", "testvray.online", "sauress.com", "buzb.uz", "tellerreport.com", "urdupoint.com", "armenianclub.com",
        "oodaloop.com", "cuttingedge.org", "softbeam.net", "studylib.net", "bwgaragedoorsoffortworth.com", "twinkboysaroundtheworld.com",
        "haus99.com", "educontrol.hu", "crushpedal.com", "modernmapping.com", "bernardklima.cz", "lichtlabor-berlin.de", "emadeldeen.com",
        "ubezpieczeniawalczyk.pl", "leesiwoo.net", "vdocument.in", "fdocuments.in", "paperzz.com", "vfrdtyky.blogspot.com", "wikimili.com",
        "words-cat.com", "poletoparis.com", "tumblrpics.com", "mode.ganzer.at", "vitalsigns.net.au", "ipeclub.co", "taketheredpillpeople.com",
        "wiki-gateway.eudic.net", "mobsearch.net", "stop-imperialism.com", "parallelparliament.co.uk"
    ];

    public static TheoryData<string> SeedFiles => [.. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "seeds"), "*.json").Select(f => Path.GetFileName(f)).Order()];

    private static async Task<SeedFile> ReadAsync(string file) =>
        await SeedFile.ReadAsync(Path.Combine(RepositoryRoot.Path, "seeds", file), TestContext.Current.CancellationToken);

    private static IEnumerable<(string Where, CitationRequest Source)> Citations(SeedFile seed) =>
        (seed.Treaty.Source is { } registration ? [("the registration", registration)] : Array.Empty<(string, CitationRequest)>())
        .Concat(seed.Events.SelectMany((e, i) => new[] { e.Source }.Concat(e.OtherSources ?? []).OfType<CitationRequest>()
            .Select(s => ($"event #{i + 1} ({e.Type} on {e.On:yyyy-MM-dd})", s))));

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public async Task every_event_has_an_https_source_or_says_that_its_date_is_unconfirmed(string file)
    {
        var seed = await ReadAsync(file);

        Assert.All(seed.Events.Select((e, i) => (Entry: e, Number: i + 1)), e => Assert.True(
            e.Entry.Source?.Url?.StartsWith("https://", StringComparison.Ordinal) == true || e.Entry.Certainty == "unconfirmed",
            $"{file} event #{e.Number} ({e.Entry.Type} on {e.Entry.On:yyyy-MM-dd}) has no https source and is not marked unconfirmed"));
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public async Task no_source_comes_from_a_weak_domain(string file)
    {
        foreach (var (where, source) in Citations(await ReadAsync(file)))
        {
            var host = Uri.TryCreate(source.Url, UriKind.Absolute, out var url) ? url.Host : "";
            Assert.False(WeakDomains.Any(weak => host == weak || host.EndsWith("." + weak, StringComparison.Ordinal)), $"{file}, {where}: {source.Url}");
        }
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public async Task no_text_is_a_placeholder(string file)
    {
        var seed = await ReadAsync(file);
        var texts = seed.Events.Select(e => e.Summary).Concat(Citations(seed).Select(c => c.Source.Title)).OfType<string>();

        Assert.All(texts, text => Assert.DoesNotContain("placeholder", text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task every_later_open_skies_accession_enters_into_force_sixty_days_after_its_deposit()
    {
        var seed = await ReadAsync("open-skies.json");
        var accessions = seed.Events.Where(e => e.Type == "acceded" && e.On >= new DateOnly(2002, 1, 1)).ToList();

        Assert.NotEmpty(accessions);
        Assert.All(accessions, a => Assert.True(a.Certainty is "year" or "unconfirmed" || a.EffectiveOn == a.On!.Value.AddDays(60),
            $"{a.Party}: deposited {a.On:yyyy-MM-dd}, in force {a.EffectiveOn:yyyy-MM-dd} (Art. XVII: 60 days after deposit)"));
    }

    [Fact]
    public void the_rule_on_weak_domains_reads_hosts_not_text() =>
        Assert.DoesNotContain(WeakDomains, weak => "https://www.state.gov/x".Contains(weak));
}

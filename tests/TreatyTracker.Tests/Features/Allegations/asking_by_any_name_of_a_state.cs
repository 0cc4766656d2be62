using System.Net;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Allegations;

/// <summary>A state is asked for by any name it has had, in any treaty; the answers follow when a treaty gives it another.</summary>
public class asking_by_any_name_of_a_state(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<string[]> AccusedInAsync(string treaty, string accused) =>
        (await Api.GetAsync($"/api/allegations?treaty={treaty}&accused={accused}")).Body!.AsArray()
        .Select(a => $"{a!["accused"]} on {a["on"]}").ToArray();

    [Fact]
    public async Task a_continuation_recorded_in_one_treaty_finds_the_allegations_of_another_under_the_old_name()
    {
        Assert.Equal(HttpStatusCode.Created, (await Api.RegisterAsync("older", "bilateral", "P6M")).Status);
        await Api.Recorded("older", """{"type":"signed","on":"1987-12-08","parties":["United States","USSR"]}""");
        await Api.BilateralTreatyInForce("newer");
        await Api.Recorded("newer", """{"type":"violation-alleged","on":"2015-06-05","accuser":"United States","accused":"Russia"}""");

        Assert.Empty(await AccusedInAsync("newer", "USSR"));

        await Api.Recorded("older", """{"type":"succeeded","on":"1991-12-24","successor":"Russia","predecessor":"USSR","kind":"continuation"}""");

        Assert.Equal(["Russia on 2015-06-05"], await AccusedInAsync("newer", "USSR"));
        Assert.Equal(["Russia on 2015-06-05"], await AccusedInAsync("newer", "Russia"));
    }
}

using TreatyTracker.Treaties;
using Xunit;

namespace TreatyTracker.Tests.Treaties;

public class iso_periods
{
    [Theory]
    [InlineData("P6M", "2019-02-02", "2019-08-02")]
    [InlineData("P3M", "2025-11-30", "2026-02-28")]
    [InlineData("P150D", "2020-01-01", "2020-05-30")]
    [InlineData("P10Y", "2011-02-05", "2021-02-05")]
    [InlineData("P1Y6M", "2020-01-31", "2021-07-31")]
    [InlineData("P2W", "2020-01-01", "2020-01-15")]
    public void a_period_added_to_a_date_lands_on_the_calendar_day(string period, string from, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), IsoPeriod.Parse(period).TryAddTo(DateOnly.Parse(from)));
        Assert.Equal(period.Replace("P2W", "P14D"), IsoPeriod.Parse(period).ToString());
    }

    [Theory]
    [InlineData("P9000Y", "1990-01-01")]
    [InlineData("P6M", "9999-10-01")]
    public void a_period_that_runs_past_the_last_date_is_none(string period, string from) =>
        Assert.Null(IsoPeriod.Parse(period).TryAddTo(DateOnly.Parse(from)));

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("6M")]
    [InlineData("P0D")]
    [InlineData("P-1M")]
    [InlineData("PT6H")]
    [InlineData("P6X")]
    public void malformed_periods_are_refused(string text) => Assert.False(IsoPeriod.TryParse(text, out _));
}

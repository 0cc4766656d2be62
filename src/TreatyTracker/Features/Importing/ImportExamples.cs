using TreatyTracker.Http.OpenApi;

namespace TreatyTracker.Features.Importing;

/// <summary>The import's two formats, each with an example that registers a treaty and records two of its events.</summary>
public sealed class ImportExamplesAttribute : RequestBodyAttribute
{
    public const string Json = """
        [
          {"treaty": "ctbt", "type": "treaty-registered", "name": "Comprehensive Nuclear-Test-Ban Treaty", "shortName": "CTBT",
           "kind": "multilateral", "withdrawalNoticePeriod": "P6M"},
          {"treaty": "ctbt", "type": "signed", "on": "1996-09-24", "parties": ["United States", "Russia"],
           "source": {"title": "CTBTO, Status of signature and ratification", "url": "https://www.ctbto.org/our-mission/states-signatories"}},
          {"treaty": "ctbt", "type": "ratified", "on": "2000-06-30", "party": "Russia"}
        ]
        """;

    public const string Csv = """
        treaty,type,on,parties,party,name,shortName,kind,withdrawalNoticePeriod,sourceTitle,sourceUrl
        ctbt,treaty-registered,,,,Comprehensive Nuclear-Test-Ban Treaty,CTBT,multilateral,P6M,,
        ctbt,signed,1996-09-24,United States;Russia,,,,,,"CTBTO, Status of signature and ratification",https://www.ctbto.org/our-mission/states-signatories
        ctbt,ratified,2000-06-30,,Russia,,,,,,

        """;

    public override Type JsonType => typeof(IReadOnlyList<ImportRow>);

    public override IEnumerable<RequestExample> Examples =>
    [
        new("json", "A JSON array of rows", "application/json", Json),
        new("csv", "CSV with a header row; lists separated by ';'", "text/csv", Csv),
    ];
}

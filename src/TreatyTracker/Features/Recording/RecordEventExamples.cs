using TreatyTracker.Http.OpenApi;

namespace TreatyTracker.Features.Recording;

/// <summary>One example body per event type of <c>POST /api/treaties/{id}/events</c>, as the OpenAPI document shows them.</summary>
public sealed class RecordEventExamplesAttribute : RequestBodyAttribute
{
    private const string Source = """, "source": {"title": "U.S. Department of State, INF Treaty", "url": "https://2009-2017.state.gov/t/avc/trty/102360.htm"}""";

    /// <summary>By event type (the test <c>the_openapi_document</c> checks that every type has one and each is accepted).</summary>
    public static readonly IReadOnlyDictionary<string, string> Bodies = new Dictionary<string, string>
    {
        ["signed"] = $$"""{"type": "signed", "on": "1987-12-08", "parties": ["United States", "USSR"]{{Source}}}""",
        ["provisionally-applied"] = """{"type": "provisionally-applied", "on": "1992-03-24", "party": "Ukraine", "summary": "Applies the treaty ahead of its entry into force"}""",
        ["ratified"] = $$"""{"type": "ratified", "on": "1988-05-27", "party": "United States"{{Source}}}""",
        ["entered-into-force"] = $$"""{"type": "entered-into-force", "on": "1988-06-01"{{Source}}}""",
        ["acceded"] = """{"type": "acceded", "on": "2002-11-04", "party": "Latvia", "effectiveOn": "2003-01-03"}""",
        ["succeeded"] = """{"type": "succeeded", "on": "1991-12-26", "successor": "Russia", "predecessor": "USSR", "kind": "continuation"}""",
        ["ratification-revoked"] = """{"type": "ratification-revoked", "on": "2023-11-02", "party": "Russia", "certainty": "day"}""",
        ["signature-renounced"] = """{"type": "signature-renounced", "on": "2002-05-06", "party": "United States", "summary": "Does not intend to become a party"}""",
        ["objection"] = """{"type": "objection", "on": "2023-03-01", "party": "United States", "toward": ["Russia"], "summary": "Objects to the suspension"}""",
        ["abandoned"] = """{"type": "abandoned", "on": "2010-01-01", "certainty": "year", "summary": "Never entered into force; no party pursues it"}""",
        ["term-extended"] = """{"type": "term-extended", "on": "2021-02-03", "expiresOn": "2026-02-05"}""",
        ["violation-alleged"] = $$"""{"type": "violation-alleged", "on": "2014-07-29", "accuser": "United States", "accused": "Russia"{{Source}}}""",
        ["participation-suspended"] = """{"type": "participation-suspended", "on": "2023-02-28", "party": "Russia", "toward": ["United States"]}""",
        ["participation-resumed"] = """{"type": "participation-resumed", "on": "2024-01-15", "party": "Russia"}""",
        ["withdrawal-announced"] = """{"type": "withdrawal-announced", "on": "2018-10-20", "party": "United States", "summary": "Announced at a rally"}""",
        ["withdrawal-notice-given"] = $$"""{"type": "withdrawal-notice-given", "on": "2019-02-02", "party": "United States"{{Source}}}""",
        ["withdrawal-took-effect"] = """{"type": "withdrawal-took-effect", "on": "2019-08-02", "party": "United States"}""",
        ["terminated"] = """{"type": "terminated", "on": "2019-08-02"}""",
        ["expired"] = """{"type": "expired", "on": "2026-02-05"}""",
        ["superseded"] = """{"type": "superseded", "on": "2011-02-05", "by": "new-start"}""",
        ["statement"] = """{"type": "statement", "on": "2019-02-01", "by": "Russia", "summary": "Suspends its obligations in a mirror response", "certainty": "month"}""",
        ["scope-stated"] = """{"type": "scope-stated", "on": "2026-12-07", "follows": ["United States", "Russia"], "summary": "Only the two states' acts are recorded so far"}""",
        ["event-retracted"] = """{"type": "event-retracted", "on": "2024-01-16", "eventId": "0190f5c4-8a6e-7b1d-9c3f-2a4b6c8d0e1f", "reason": "Recorded in the wrong treaty"}""",
    };

    public override IEnumerable<RequestExample> Examples =>
        Bodies.Select(b => new RequestExample(b.Key, $"A '{b.Key}' event", "application/json", b.Value));
}

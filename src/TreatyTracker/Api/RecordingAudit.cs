using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace TreatyTracker.Api;

/// <summary>
/// Who recorded an event and under which request, kept with the event itself (Marten's user name and
/// correlation id). Until there is authentication, the writer names themself in <c>X-Recorded-By</c>.
/// </summary>
public static class RecordingAudit
{
    public const string RecordedByHeader = "X-Recorded-By";
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string Anonymous = "anonymous";

    public static ProblemDetails Before(HttpContext context, IDocumentSession session)
    {
        var errors = new FieldErrors();
        var recordedBy = errors.Text(RecordedByHeader, context.Request.Headers[RecordedByHeader].ToString(), required: false, FieldErrors.MaxNameLength);
        var correlation = errors.Text(CorrelationHeader, context.Request.Headers[CorrelationHeader].ToString(), required: false, FieldErrors.MaxNameLength);
        if (errors.Any) return Problems.Invalid("The request's audit headers are malformed", errors.ToDictionary());

        session.LastModifiedBy = recordedBy ?? Anonymous;
        session.CorrelationId = correlation ?? context.TraceIdentifier;
        context.Response.Headers[CorrelationHeader] = session.CorrelationId;
        return WolverineContinue.NoProblems;
    }
}

using TreatyTracker.Treaties.Decisions;
using Marten;
using TreatyTracker.Http.Access;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace TreatyTracker.Http;

/// <summary>
/// Who recorded an event and under which request, kept with the event itself (Marten's user name and
/// correlation id). The writer is the API key's holder; a shared key (a script, the CLI) may add whom it acts for
/// in <c>X-Recorded-By</c>, recorded as "key holder: on behalf of".
/// </summary>
public static class RecordingAudit
{
    public const string RecordedByHeader = "X-Recorded-By";
    public const string CorrelationHeader = "X-Correlation-Id";

    public static ProblemDetails Before(HttpContext context, IDocumentSession session)
    {
        var errors = new FieldErrors();
        var recordedBy = errors.Text(RecordedByHeader, context.Request.Headers[RecordedByHeader].ToString(), required: false, FieldErrors.MaxNameLength);
        var correlation = errors.Text(CorrelationHeader, context.Request.Headers[CorrelationHeader].ToString(), required: false, FieldErrors.MaxNameLength);
        if (errors.Any) return Problems.Invalid("The request's audit headers are malformed", errors.ToDictionary());

        var holder = context.User.KeyName();
        session.LastModifiedBy = recordedBy is null ? holder : $"{holder}: {recordedBy}";
        session.CorrelationId = correlation ?? context.TraceIdentifier;
        context.Response.Headers[CorrelationHeader] = session.CorrelationId;
        return WolverineContinue.NoProblems;
    }
}

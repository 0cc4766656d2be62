using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Marten;
using JasperFx;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http.Access;

namespace TreatyTracker.Http;

/// <summary>The outcome of a POST made with an <c>Idempotency-Key</c>, kept so that a retry gets the same answer.</summary>
public sealed record IdempotencyReceipt(
    string Id,
    string RequestHash,
    bool Completed,
    int StatusCode,
    string? ContentType,
    string? Location,
    string? Body,
    DateTimeOffset CreatedAt,
    string? CorrelationId = null,
    Guid Attempt = default);

/// <summary>
/// Retry-safe POSTs. The first request with a key claims it; its successful (2xx) answer is kept and replayed
/// to every retry with the same key and body. The same key with another body (or path) is a 422. A request
/// that failed releases its key, so a corrected retry may use it again. Events recorded under a key carry
/// <c>idempotency:KEY</c> as their correlation id unless the client gave one. A claim left unfinished (the server
/// died, or the database went away before the key could be released) is taken over by a retry once it is
/// <see cref="AbandonedAfter"/> old and no event carries its correlation id: nothing of it was recorded.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;
    public const long MaxBufferedBody = RequestLimits.MaxImportBodyBytes;
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10); // longer than any request takes

    public async Task InvokeAsync(HttpContext context, IDocumentStore store, TimeProvider clock)
    {
        var key = context.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || string.IsNullOrEmpty(key))
        {
            await next(context);
            return;
        }
        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            await context.WriteProblemAsync(Problems.Invalid("The Idempotency-Key is malformed", Header, $"must be 1-{MaxKeyLength} printable characters"));
            return;
        }

        var hash = await HashAsync(context.Request);
        var receiptId = ReceiptId(context.User, key);
        if (string.IsNullOrEmpty(context.Request.Headers[RecordingAudit.CorrelationHeader]))
            context.Request.Headers[RecordingAudit.CorrelationHeader] = $"idempotency:{key}";
        var claim = new IdempotencyReceipt(receiptId, hash, false, 0, null, null, null, clock.GetUtcNow(),
            context.Request.Headers[RecordingAudit.CorrelationHeader].ToString(), Guid.NewGuid());
        if (!await TryClaimAsync(store, claim, null) && !await TryTakeOverAbandonedAsync(store, claim))
        {
            await AnswerRetryAsync(context, store, receiptId, key, hash);
            return;
        }

        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            await ReleaseAsync(store, receiptId);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        await using (var outcome = store.LightweightSession())
        {
            if (context.Response.StatusCode is >= 200 and < 300)
                outcome.Store(new IdempotencyReceipt(receiptId, hash, true, context.Response.StatusCode, context.Response.ContentType,
                    context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                    Encoding.UTF8.GetString(captured.ToArray()), clock.GetUtcNow()));
            else
                outcome.Delete<IdempotencyReceipt>(receiptId);
            await outcome.SaveChangesAsync(CancellationToken.None);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Keys are per API key: one client can neither replay nor block another's requests.</summary>
    private static string ReceiptId(ClaimsPrincipal user, string key) =>
        $"{user.FindFirstValue(ApiKeyAuthentication.KeyIdClaim) ?? "anonymous"}:{key}";

    private static async Task<bool> TryClaimAsync(IDocumentStore store, IdempotencyReceipt claim, IdempotencyReceipt? abandoned)
    {
        await using var session = store.LightweightSession();
        if (abandoned is not null) session.DeleteWhere<IdempotencyReceipt>(r => r.Id == abandoned.Id && r.Attempt == abandoned.Attempt);
        session.Insert(claim);
        try
        {
            await session.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    /// <summary>Only one retry wins the takeover: the others find a claim that is not the abandoned one.</summary>
    private static async Task<bool> TryTakeOverAbandonedAsync(IDocumentStore store, IdempotencyReceipt claim)
    {
        await using var query = store.QuerySession();
        var existing = await query.LoadAsync<IdempotencyReceipt>(claim.Id);
        if (existing is null) return await TryClaimAsync(store, claim, null);
        if (existing.Completed || existing.CorrelationId is null || claim.CreatedAt - existing.CreatedAt < AbandonedAfter) return false;
        if (await query.Events.QueryAllRawEvents().AnyAsync(e => e.CorrelationId == existing.CorrelationId)) return false;
        return await TryClaimAsync(store, claim, existing);
    }

    private static async Task AnswerRetryAsync(HttpContext context, IDocumentStore store, string receiptId, string key, string hash)
    {
        await using var session = store.QuerySession();
        var receipt = await session.LoadAsync<IdempotencyReceipt>(receiptId, context.RequestAborted);
        if (receipt is null || !receipt.Completed)
        {
            context.Response.Headers.RetryAfter = "1";
            await context.WriteProblemAsync(Problems.Conflict(receipt is null
                ? "A request with this Idempotency-Key just failed; send it again."
                : $"A request with this Idempotency-Key is still being handled (since {receipt.CreatedAt:O}); retry shortly. " +
                  $"Events it recorded carry the correlation id 'idempotency:{key}'."));
            return;
        }
        if (receipt.RequestHash != hash)
        {
            await context.WriteProblemAsync(new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Idempotency-Key reused for another request",
                Detail = $"The key '{key}' was first used for a different request (another path or body); use a new key."
            });
            return;
        }

        context.Response.StatusCode = receipt.StatusCode;
        if (receipt.ContentType is not null) context.Response.ContentType = receipt.ContentType;
        if (receipt.Location is not null) context.Response.Headers.Location = receipt.Location;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (receipt.Body is not null) await context.Response.WriteAsync(receipt.Body, context.RequestAborted);
    }

    private static async Task ReleaseAsync(IDocumentStore store, string receiptId)
    {
        await using var session = store.LightweightSession();
        session.Delete<IdempotencyReceipt>(receiptId);
        await session.SaveChangesAsync(CancellationToken.None);
    }

    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBufferedBody);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n{request.ContentType}\n"));
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0) sha.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }

}

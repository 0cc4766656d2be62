namespace TreatyTracker.Http;

public static class ExceptionCauses
{
    /// <summary>
    /// The exception and every exception it wraps, depth first: Marten and Wolverine wrap what Npgsql threw,
    /// and a batch reports its failures as an <see cref="AggregateException"/>.
    /// </summary>
    public static IEnumerable<Exception> Causes(this Exception exception)
    {
        yield return exception;
        IEnumerable<Exception> wrapped = exception switch
        {
            AggregateException aggregate => aggregate.InnerExceptions,
            { InnerException: { } inner } => [inner],
            _ => []
        };
        foreach (var cause in wrapped.SelectMany(Causes)) yield return cause;
    }
}

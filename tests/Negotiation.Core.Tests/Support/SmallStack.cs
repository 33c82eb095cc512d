using System.Runtime.ExceptionServices;

namespace Negotiation.Core.Tests.Support;

/// <summary>Runs test code on a thread with a small stack, as some hosts' threads and a process under <c>ulimit -s</c> have.</summary>
internal static class SmallStack
{
    /// <summary>Runs <paramref name="work"/> on a new thread with a stack of <paramref name="bytes"/>; rethrows what it throws.</summary>
    public static T Run<T>(int bytes, Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            bytes);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}

using System.Globalization;
using System.Runtime.ExceptionServices;

namespace Negotiation.Core.RuleSets.Expressions;

/// <summary>
/// Runs the parsing and checking of a rule set's expressions on a thread of its own, with a stack of known size and the
/// invariant culture, whatever thread loads the set.
/// </summary>
/// <remarks>
/// <para>The parser descends recursively, about 4 KiB for each bracket and less for each prefix operator. Within the limits
/// (2,000 characters, brackets <see cref="ExpressionGuard.MaxDepth"/> deep, counted on the parser's own tokens) the deepest
/// descent found, 40 brackets around 1,900 <c>!</c>, needs between 512 and 768 KiB. That is more than some hosts give a
/// thread (IIS: 256 KiB) and most of what a process under <c>ulimit -s 1024</c> has left, and a stack overflow kills the
/// process: no handler can catch it. Here the descent has <see cref="StackSize"/>, of which only what is used is committed.</para>
/// <para>The invariant culture makes the parser's messages read the same on every machine. The caller waits for the thread,
/// so what the work writes is visible to it afterwards; an exception is rethrown on the caller's thread with its stack trace.</para>
/// </remarks>
internal static class ParserThread
{
    /// <summary>The parsing thread's stack: 16 MiB, some twenty times the deepest descent the limits allow.</summary>
    public const int StackSize = 16 * 1024 * 1024;

    /// <summary>Runs <paramref name="work"/> on a new thread with <see cref="StackSize"/> and waits for it.</summary>
    public static T Run<T>(Func<T> work)
    {
        // Where threads cannot be started (a browser), the work runs on the caller's stack: the depth limits still hold.
        if (OperatingSystem.IsBrowser() || OperatingSystem.IsWasi())
        {
            return work();
        }

        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            StackSize)
        {
            IsBackground = true,
            Name = "rule expression parser",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}

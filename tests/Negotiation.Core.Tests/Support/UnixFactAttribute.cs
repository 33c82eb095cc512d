namespace Negotiation.Core.Tests.Support;

/// <summary>A test that runs the command under bash (with <c>ulimit</c> or environment settings); skipped on Windows.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs bash and ulimit";
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Negotiation.Core.Advice.Json;

/// <summary>
/// A property name of the plan contract with its comma, quotes and separator made once, as characters and as UTF-8
/// bytes, so that a writer of either kind copies it, a block at a time, instead of encoding it for each of the thousands
/// of properties in a plan.
/// </summary>
internal sealed class JsonName
{
    /// <summary>Room after the text, so that a copy by whole blocks never reads past the array.</summary>
    private const int Padding = 32;

    /// <summary><c>,"name": </c> and padding.</summary>
    private readonly char[] chars;

    /// <summary><c>,"name": </c> in UTF-8, and padding.</summary>
    private readonly byte[] bytes;

    /// <summary>The length of <c>,"name": </c>.</summary>
    private readonly int length;

    /// <summary>Makes the name; it must be plain ASCII that JSON writes without escaping (every contract name is).</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or would need escaping or encoding.</exception>
    public JsonName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var c in name)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                throw new ArgumentException($"The property name '{name}' needs escaping; the plan writer takes only plain ASCII names.", nameof(name));
            }
        }

        var text = $",\"{name}\": ";
        length = text.Length;
        chars = new char[length + Padding];
        text.CopyTo(chars);
        bytes = new byte[length + Padding];
        Encoding.ASCII.GetBytes(text, bytes);
    }

    /// <summary>Gets the room <see cref="CopyTo{TUnit}"/> needs, in units of either kind.</summary>
    public int Room => length + Padding;

    /// <summary>
    /// The quoted name and its colon, after a comma when <paramref name="comma"/> and before a space when
    /// <paramref name="indented"/>, in the writer's units.
    /// </summary>
    public ReadOnlySpan<TUnit> Units<TUnit>(bool comma, bool indented)
        where TUnit : unmanaged
    {
        var start = comma ? 0 : 1;
        var count = length - start - (indented ? 0 : 1);
        return typeof(TUnit) == typeof(byte)
            ? MemoryMarshal.Cast<byte, TUnit>(bytes.AsSpan(start, count))
            : MemoryMarshal.Cast<char, TUnit>(chars.AsSpan(start, count));
    }

    /// <summary>
    /// Copies <see cref="Units{TUnit}"/> to the start of <paramref name="target"/> sixteen bytes at a time, which for a
    /// name is one to three moves instead of a call to a general copy; <paramref name="target"/> must have room for the
    /// units rounded up to a whole block (<see cref="Room"/> always is), and what follows them may be overwritten.
    /// </summary>
    /// <returns>The units written.</returns>
    public int CopyTo<TUnit>(Span<TUnit> target, bool comma, bool indented)
        where TUnit : unmanaged
    {
        var units = Units<TUnit>(comma, indented);
        var size = units.Length * Unsafe.SizeOf<TUnit>();
        if (target.Length * Unsafe.SizeOf<TUnit>() < (size + Vector128<byte>.Count - 1) / Vector128<byte>.Count * Vector128<byte>.Count)
        {
            throw new ArgumentException("The target has no room for the name and its padding.", nameof(target));
        }

        // The source has Padding units after the name, so reading whole blocks stays inside its array.
        ref var from = ref Unsafe.As<TUnit, byte>(ref MemoryMarshal.GetReference(units));
        ref var to = ref Unsafe.As<TUnit, byte>(ref MemoryMarshal.GetReference(target));
        for (var offset = 0; offset < size; offset += Vector128<byte>.Count)
        {
            Vector128.LoadUnsafe(ref from, (nuint)offset).StoreUnsafe(ref to, (nuint)offset);
        }

        return units.Length;
    }
}

using System.Collections;
using System.Runtime.CompilerServices;

namespace Negotiation.Core.Cases;

/// <summary>
/// An immutable list that compares by its elements, so that records holding lists compare by value.
/// </summary>
/// <typeparam name="T">The element type; its own equality decides element equality.</typeparam>
/// <remarks>Thread-safe: the list never changes after construction. Collection expressions work: <c>Income = [salary, rent]</c>.</remarks>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] items;

    /// <summary>Gets the empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The elements, in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public ValueList(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        this.items = items.ToArray();
    }

    // Takes the array as it is: only for a new array that nothing else holds (the case reader's lists).
    private ValueList(T[] items, bool owned)
    {
        _ = owned;
        this.items = items;
    }

    /// <summary>Gets the number of elements.</summary>
    public int Count => items.Length;

    /// <summary>Gets the element at <paramref name="index"/>.</summary>
    /// <param name="index">Zero-based position.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public T this[int index] => items[index];

    /// <summary>Returns an enumerator over the elements in order.</summary>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    /// <summary>Gets whether both lists hold equal elements in the same order.</summary>
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || items.AsSpan().SequenceEqual(other.items, EqualityComparer<T>.Default));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Wraps <paramref name="items"/> without copying; the caller must not keep or change the array.</summary>
    internal static ValueList<T> Own(T[] items) => items.Length == 0 ? Empty : new(items, owned: true);

    /// <summary>Creates a list from the given elements.</summary>
    /// <param name="items">The elements, in order.</param>
    public static implicit operator ValueList<T>(T[] items) => new(items);
}

/// <summary>Creates <see cref="ValueList{T}"/>s; the compiler uses it for collection expressions.</summary>
public static class ValueList
{
    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements, in order.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());
}

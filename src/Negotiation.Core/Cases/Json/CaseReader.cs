using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using NodaTime;
using NodaTime.Text;
using Negotiation.Core.Diagnostics;

namespace Negotiation.Core.Cases.Json;

/// <summary>
/// Reads case JSON in one pass over <see cref="Utf8JsonReader"/>, straight into the model by the table in
/// <see cref="CaseFields"/>, and collects every problem on the way with its JSON path, line and column, so that a user
/// fixes a file in one go. Consistency between fields (<see cref="CaseConsistency"/>) is checked on the case once read.
/// </summary>
/// <remarks>
/// The reader is strict (RFC 8259: no comments, trailing commas, single quotes, leading zeros ...). At a syntax error it
/// stops, and <see cref="StrictJson"/> says what is wrong and where, in the same words as for rule files; problems of
/// values found before it are dropped, as the text cannot be read as a whole. A valid case formats no message and
/// allocates little more than the model: positions are worked out from byte offsets only for the problems found.
/// </remarks>
internal static class CaseReader
{
    private const int MaxDepth = 32;

    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = MaxDepth,
    };

    public static BorrowerCase Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > CaseLimits.MaxJsonLength)
        {
            throw Fail([new CaseProblem { Path = "", Message = $"the case is {Count(json.Length)} characters long; at most {Count(CaseLimits.MaxJsonLength)} are accepted" }]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(16, Encoding.UTF8.GetMaxByteCount(json.Length)));
        try
        {
            // A lone surrogate cannot become UTF-8; silently replacing it would read text other than what was written.
            if (Utf8.FromUtf16(json, rented, out var charsRead, out var length, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                var (line, column) = StrictJson.Position(json, charsRead);
                throw Fail([new CaseProblem { Path = "", Message = string.Create(CultureInfo.InvariantCulture,
                    $"invalid JSON: U+{(int)json[charsRead]:X4} is half of a UTF-16 surrogate pair without its other half; JSON text must be Unicode"), Line = line, Column = column }]);
            }

            return Read(json, rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static BorrowerCase Read(string json, ReadOnlySpan<byte> utf8)
    {
        var s = new State(utf8);
        BorrowerCase? read = null;
        try
        {
            try
            {
                read = ReadRoot(ref s);
            }
            catch (StopReading)
            {
                // Enough problems for one report; the rest of the text is still checked for syntax, which comes first.
                while (s.Json.Read())
                {
                }
            }
        }
        catch (JsonException e)
        {
            var error = StrictJson.Check(json, MaxDepth);
            throw Fail([error is null
                ? new CaseProblem { Path = "", Message = "invalid JSON: " + e.Message }
                : new CaseProblem { Path = error.Path, Message = error.Message, Line = error.Line, Column = error.Column }]);
        }

        if (s.Problems is not null)
        {
            throw Fail(Located(utf8, s.Problems));
        }

        if (!CaseConsistency.HasProblems(read!))
        {
            return read!;
        }

        var problems = new List<Problem>();
        foreach (var (path, message) in CaseConsistency.Check(read!))
        {
            problems.Add(new Problem(OffsetOf(utf8, path), path, message));
        }

        throw Fail(Located(utf8, problems));
    }

    private static BorrowerCase? ReadRoot(ref State s)
    {
        s.Json.Read();
        if (s.Json.TokenType != JsonTokenType.StartObject)
        {
            var start = (int)s.Json.TokenStartIndex;
            var what = Describe(ref s.Json);
            s.Json.Skip();
            while (s.Json.Read())
            {
            }

            s.Add(start, "", $"a case must be a JSON object, not {what}");
            return null;
        }

        var read = (BorrowerCase?)ReadObject(ref s, CaseFields.Root, isRoot: true);

        // Anything after the object is a syntax error, which the reader throws here.
        while (s.Json.Read())
        {
        }

        return read;
    }

    /// <summary>Reads the object that starts at the current token; returns it, or null when any problem was found so far.</summary>
    private static object? ReadObject(ref State s, ObjectShape shape, bool isRoot = false)
    {
        var start = (int)s.Json.TokenStartIndex;
        var fields = shape.Fields;
        var slots = new FieldValues();
        Span<FieldValue> values = slots;
        var seen = 0;
        var schemaSeen = false;
        while (s.Json.Read() && s.Json.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)s.Json.TokenStartIndex;
            var index = IndexOf(ref s.Json, fields);
            if (index < 0)
            {
                ReadUnknown(ref s, shape, isRoot, nameStart, ref schemaSeen);
                continue;
            }

            var field = fields[index];
            s.Json.Read();
            s.Push(field.JsonName);
            if ((seen & (1 << index)) != 0)
            {
                s.Add(nameStart, $"invalid JSON: '{field.JsonName}' is given more than once in this object; give each property once");
                s.Json.Skip();
            }
            else if (s.Json.TokenType == JsonTokenType.Null)
            {
                // An explicit null means "not given": the model's default stays.
                if (field.Required)
                {
                    s.Add((int)s.Json.TokenStartIndex, "is required and must not be null");
                }
            }
            else
            {
                ReadValue(ref s, field.Value, ref values[index]);
            }

            seen |= 1 << index;
            s.Pop();
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Required && (seen & (1 << i)) == 0)
            {
                s.Push(fields[i].JsonName);
                s.Add(start, $"required property '{fields[i].JsonName}' is missing");
                s.Pop();
            }
        }

        return s.Problems is null ? shape.Build(values[..fields.Length]) : null;
    }

    private static void ReadUnknown(ref State s, ObjectShape shape, bool isRoot, int nameStart, ref bool schemaSeen)
    {
        // "$schema" is in every example file: recognised without making a string of the name.
        var isSchema = isRoot && (s.Json.ValueIsEscaped ? NameIs(ref s.Json, "$schema") : s.Json.ValueSpan.SequenceEqual("$schema"u8));
        var name = isSchema ? "$schema" : StringOf(ref s.Json);
        s.Json.Read();
        s.Push(name);
        if (isSchema)
        {
            // "$schema" is the one name the model does not have: editors use it to find the schema.
            if (schemaSeen)
            {
                s.Add(nameStart, "invalid JSON: '$schema' is given more than once in this object; give each property once");
            }
            else if (s.Json.TokenType != JsonTokenType.String)
            {
                s.Add((int)s.Json.TokenStartIndex, "\"$schema\" must be a string (the path or URL of the schema)");
            }

            schemaSeen = true;
        }
        else
        {
            var suggestion = NameSuggestions.Nearest(name, shape.Names);
            s.Add(nameStart, suggestion is null
                ? $"unknown property '{name}'; known here: {string.Join(", ", shape.Names)}"
                : $"unknown property '{name}'; did you mean '{suggestion}'?");
        }

        s.Json.Skip();
        s.Pop();
    }

    private static void ReadValue(ref State s, ValueShape shape, ref FieldValue value)
    {
        switch (shape.Kind)
        {
            case ValueKind.Object when s.Json.TokenType == JsonTokenType.StartObject:
                value.Reference = ReadObject(ref s, shape.Object!);
                break;
            case ValueKind.Object:
                s.Add((int)s.Json.TokenStartIndex, $"must be an object, not {Describe(ref s.Json)}");
                s.Json.Skip();
                return;
            case ValueKind.Array when s.Json.TokenType == JsonTokenType.StartArray:
                value.Reference = ReadList(ref s, shape);
                break;
            case ValueKind.Array:
                s.Add((int)s.Json.TokenStartIndex, $"must be a list (JSON array), not {Describe(ref s.Json)}");
                s.Json.Skip();
                return;
            case ValueKind.Money:
                ReadMoney(ref s, ref value);
                break;
            case ValueKind.Rate:
                ReadRate(ref s, shape, ref value);
                break;
            case ValueKind.Integer:
                ReadInteger(ref s, shape, ref value);
                break;
            case ValueKind.Boolean when s.Json.TokenType is JsonTokenType.True or JsonTokenType.False:
                value.Integer = s.Json.TokenType == JsonTokenType.True ? 1 : 0;
                break;
            case ValueKind.Boolean:
                s.Add((int)s.Json.TokenStartIndex, $"must be true or false, not {Describe(ref s.Json)}");
                s.Json.Skip();
                return;
            case ValueKind.Text:
                ReadText(ref s, ref value);
                break;
            case ValueKind.Date:
                ReadDate(ref s, ref value);
                break;
            case ValueKind.Enum:
                ReadEnum(ref s, shape, ref value);
                break;
            case ValueKind.Currency:
                ReadCurrency(ref s, ref value);
                break;
        }

        value.Given = true;
    }

    private static object? ReadList(ref State s, ValueShape shape)
    {
        var start = (int)s.Json.TokenStartIndex;
        var problemsBefore = s.Problems?.Count ?? 0;
        var buffer = ArrayPool<FieldValue>.Shared.Rent(16);
        var count = 0;
        try
        {
            while (s.Json.Read() && s.Json.TokenType != JsonTokenType.EndArray)
            {
                if (count >= shape.MaxItems)
                {
                    // Too many: the items are not read, only counted, and the list alone is the problem.
                    s.Json.Skip();
                    count++;
                    continue;
                }

                if (count == buffer.Length)
                {
                    var larger = ArrayPool<FieldValue>.Shared.Rent(count * 2);
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<FieldValue>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }

                buffer[count] = default;
                s.Push(count);
                if (s.Json.TokenType == JsonTokenType.Null)
                {
                    s.Add((int)s.Json.TokenStartIndex, "a list item must not be null");
                }
                else
                {
                    ReadValue(ref s, shape.Element!, ref buffer[count]);
                }

                s.Pop();
                count++;
            }

            if (count > shape.MaxItems)
            {
                s.Problems?.RemoveRange(problemsBefore, s.Problems.Count - problemsBefore);
                s.Add(start, $"has {Count(count)} items; at most {Count(shape.MaxItems)} are accepted");
            }

            return s.Problems is null ? shape.MakeList!(buffer.AsSpan(0, count)) : null;
        }
        finally
        {
            ArrayPool<FieldValue>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static void ReadMoney(ref State s, ref FieldValue value)
    {
        if (!TryNumber(ref s, "an amount of money", out var amount))
        {
            return;
        }

        value.Number = amount;
        var at = (int)s.Json.TokenStartIndex;
        if (amount < 0)
        {
            s.Add(at, $"must not be negative (got {amount.ToString(CultureInfo.InvariantCulture)})");
        }
        else if (amount > CaseLimits.MaxMoney)
        {
            s.Add(at, $"is above the largest amount accepted ({CaseLimits.MaxMoney.ToString("N0", CultureInfo.InvariantCulture)})");
        }
        else if (amount.Scale > 0 && s.MinorUnit() is var decimals && amount.Scale > decimals && decimal.Round(amount, decimals) != amount)
        {
            s.Add(at, $"has more decimal places than the currency's minor unit allows ({decimals})");
        }
    }

    private static void ReadRate(ref State s, ValueShape shape, ref FieldValue value)
    {
        if (!TryNumber(ref s, "a rate (a fraction such as 0.18 for 18 %)", out var rate))
        {
            return;
        }

        value.Number = rate;
        if (rate < 0)
        {
            s.Add((int)s.Json.TokenStartIndex, $"must not be negative (got {rate.ToString(CultureInfo.InvariantCulture)})");
        }
        else if (rate > shape.Max)
        {
            s.Add((int)s.Json.TokenStartIndex,
                $"is a fraction (0.18 means 18 %); {rate.ToString(CultureInfo.InvariantCulture)} is above the largest accepted, {shape.Max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void ReadInteger(ref State s, ValueShape shape, ref FieldValue value)
    {
        var at = (int)s.Json.TokenStartIndex;
        if (s.Json.TokenType != JsonTokenType.Number || s.Json.ValueSpan.IndexOfAny("."u8 + "eE"u8) >= 0)
        {
            s.Add(at, $"must be a whole number, not {Describe(ref s.Json)}");
            s.Json.Skip();
            return;
        }

        if (s.Json.TryGetInt32(out var number) && number >= shape.Min && number <= shape.Max)
        {
            value.Integer = number;
            return;
        }

        s.Add(at, $"must be between {shape.Min.ToString(CultureInfo.InvariantCulture)} and {shape.Max.ToString(CultureInfo.InvariantCulture)} (got {Shorten(Encoding.UTF8.GetString(s.Json.ValueSpan))})");
    }

    private static void ReadText(ref State s, ref FieldValue value)
    {
        var at = (int)s.Json.TokenStartIndex;
        if (s.Json.TokenType != JsonTokenType.String)
        {
            s.Add(at, $"must be text (a JSON string), not {Describe(ref s.Json)}");
            s.Json.Skip();
            return;
        }

        var text = StringOf(ref s.Json);
        if (text.Length > CaseLimits.MaxTextLength)
        {
            s.Add(at, $"is {Count(text.Length)} characters long; at most {Count(CaseLimits.MaxTextLength)} are accepted");
        }

        value.Reference = text;
    }

    private static void ReadDate(ref State s, ref FieldValue value)
    {
        var at = (int)s.Json.TokenStartIndex;
        if (s.Json.TokenType != JsonTokenType.String)
        {
            s.Add(at, $"must be a date written \"yyyy-MM-dd\", not {Describe(ref s.Json)}");
            s.Json.Skip();
            return;
        }

        if (s.Json.ValueIsEscaped || !TryIsoDate(s.Json.ValueSpan, out var date))
        {
            // An escaped date is rare enough to read as text first.
            var text = StringOf(ref s.Json);
            if (!TryIsoDate(Encoding.UTF8.GetBytes(text), out date))
            {
                s.Add(at, $"'{Shorten(text)}' is not a date; write it as \"yyyy-MM-dd\", e.g. \"2026-11-20\"");
                return;
            }
        }

        value.Date = date;
        if (date < CaseLimits.EarliestDate || date > CaseLimits.LatestDate)
        {
            s.Add(at, $"{Iso(date)} is outside the dates accepted ({Iso(CaseLimits.EarliestDate)} to {Iso(CaseLimits.LatestDate)})");
        }
    }

    private static void ReadEnum(ref State s, ValueShape shape, ref FieldValue value)
    {
        var at = (int)s.Json.TokenStartIndex;
        var allowed = shape.EnumNames;
        if (s.Json.TokenType != JsonTokenType.String)
        {
            s.Add(at, $"must be one of {string.Join(", ", allowed)}; got {Describe(ref s.Json)}");
            s.Json.Skip();
            return;
        }

        var names = shape.EnumUtf8;
        for (var i = 0; i < names.Length && !s.Json.ValueIsEscaped; i++)
        {
            if (s.Json.ValueSpan.SequenceEqual(names[i]))
            {
                value.Integer = shape.EnumValues[i];
                return;
            }
        }

        var text = StringOf(ref s.Json);
        if (s.Json.ValueIsEscaped && Array.IndexOf(allowed, text) is var found and >= 0)
        {
            value.Integer = shape.EnumValues[found];
            return;
        }

        var suggestion = NameSuggestions.Nearest(text, allowed);
        s.Add(at, suggestion is null
            ? $"unknown value '{Shorten(text)}'; allowed: {string.Join(", ", allowed)}"
            : $"unknown value '{Shorten(text)}'; did you mean '{suggestion}'? Allowed: {string.Join(", ", allowed)}");
    }

    private static void ReadCurrency(ref State s, ref FieldValue value)
    {
        var at = (int)s.Json.TokenStartIndex;
        if (s.Json.TokenType != JsonTokenType.String)
        {
            s.Add(at, $"must be an ISO 4217 currency code such as \"CNY\", not {Describe(ref s.Json)}");
            s.Json.Skip();
            return;
        }

        Span<char> chars = stackalloc char[8];
        if (!s.Json.ValueIsEscaped && s.Json.ValueSpan.Length <= chars.Length &&
            Currencies.TryGetMinorUnit(chars[..Encoding.UTF8.GetChars(s.Json.ValueSpan, chars)], out var iso, out var decimals))
        {
            value.Reference = iso;
            s.Decimals = decimals;
            return;
        }

        var code = StringOf(ref s.Json);
        if (Currencies.TryGetMinorUnit(code, out decimals))
        {
            value.Reference = code;
            s.Decimals = decimals;
            return;
        }

        var suggestion = Currencies.Suggest(code);
        s.Add(at, suggestion is null
            ? $"unknown currency '{Shorten(code)}'; use an ISO 4217 code such as \"CNY\""
            : $"unknown currency '{Shorten(code)}'; did you mean \"{suggestion}\"?");
    }

    private static bool TryNumber(ref State s, string what, out decimal number)
    {
        number = 0;
        var at = (int)s.Json.TokenStartIndex;
        switch (s.Json.TokenType)
        {
            case JsonTokenType.Number when s.Json.TryGetDecimal(out number) && decimal.Abs(number) <= long.MaxValue:
                return true;
            case JsonTokenType.Number:
                s.Add(at, $"is far too large for {what}");
                return false;
            case JsonTokenType.String:
                var text = StringOf(ref s.Json);
                s.Add(at, $"must be {what} written as a JSON number, not as text (\"{Shorten(text)}\")");
                return false;
            default:
                s.Add(at, $"must be {what} (a JSON number), not {Describe(ref s.Json)}");
                s.Json.Skip();
                return false;
        }
    }

    /// <summary>A date written exactly <c>yyyy-MM-dd</c> with ASCII digits, that exists in the ISO calendar.</summary>
    private static bool TryIsoDate(ReadOnlySpan<byte> text, out LocalDate date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-' ||
            !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..], out var day) ||
            month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static int IndexOf(ref Utf8JsonReader json, FieldShape[] fields)
    {
        if (!json.ValueIsEscaped)
        {
            var name = json.ValueSpan;
            for (var i = 0; i < fields.Length; i++)
            {
                if (name.SequenceEqual(fields[i].Utf8Name))
                {
                    return i;
                }
            }

            return -1;
        }

        return IndexOfEscaped(ref json, fields);
    }

    /// <summary>Escaped names are rare: compared as text, which an escaped lone surrogate never matches.</summary>
    private static int IndexOfEscaped(ref Utf8JsonReader json, FieldShape[] fields)
    {
        var text = StringOf(ref json);
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].JsonName == text)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The string at the reader, unescaped; an escaped half of a surrogate pair becomes U+FFFD, as it always did.</summary>
    private static string StringOf(ref Utf8JsonReader json)
    {
        try
        {
            return json.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to make a string of "\ud800" followed by anything but its other half. The case
            // reader has always read it (Newtonsoft puts U+FFFD in its place); Newtonsoft still unescapes such a token.
            using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader("\"" + Encoding.UTF8.GetString(json.ValueSpan) + "\""));
            return reader.ReadAsString()!;
        }
    }

    private static bool NameIs(ref Utf8JsonReader json, string name) => StringOf(ref json) == name;

    /// <summary>The value at the reader in words, for "must be …, not …"; quotes at most the start of it.</summary>
    private static string Describe(ref Utf8JsonReader json)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.StartObject:
                return "an object";
            case JsonTokenType.StartArray:
                return "a list";
            case JsonTokenType.String:
                var text = StringOf(ref json);
                return $"the text \"{Shorten(text)}\"";
            case JsonTokenType.Number:
                return $"the number {Shorten(Encoding.UTF8.GetString(json.ValueSpan))}";
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                return "null";
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    // Messages read the same whatever the host's culture: "1,001", never "1.001" or "١٬٠٠١".
    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The minor unit of the root's "currency", looked up ahead when an amount comes before it; 2 when there is none.</summary>
    private static int FindMinorUnit(ReadOnlySpan<byte> utf8)
    {
        var json = new Utf8JsonReader(utf8, Options);
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                return 2;
            }

            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var isCurrency = NameIs(ref json, "currency");
                json.Read();
                if (isCurrency && json.TokenType == JsonTokenType.String && Currencies.TryGetMinorUnit(StringOf(ref json), out var decimals))
                {
                    return decimals;
                }

                json.Skip();
            }
        }
        catch (JsonException)
        {
            // The reading pass reports it.
        }

        return 2;
    }

    /// <summary>Where the value at <paramref name="path"/> (<c>history[2].paidOn</c>) starts in the text; -1 when it is not there.</summary>
    private static int OffsetOf(ReadOnlySpan<byte> utf8, string path)
    {
        var json = new Utf8JsonReader(utf8, Options);
        json.Read();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (!TryEnterProperty(ref json, name))
            {
                return -1;
            }

            if (bracket >= 0 && !TryEnterItem(ref json, int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture)))
            {
                return -1;
            }
        }

        return (int)json.TokenStartIndex;
    }

    private static bool TryEnterProperty(ref Utf8JsonReader json, string name)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var found = NameIs(ref json, name);
            json.Read();
            if (found)
            {
                return true;
            }

            json.Skip();
        }

        return false;
    }

    private static bool TryEnterItem(ref Utf8JsonReader json, int index)
    {
        if (json.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == index)
            {
                return true;
            }

            json.Skip();
        }

        return false;
    }

    /// <summary>The problems with line and column worked out from their offsets, in one sweep over the text.</summary>
    private static List<CaseProblem> Located(ReadOnlySpan<byte> utf8, List<Problem> problems)
    {
        var order = Enumerable.Range(0, problems.Count).Where(i => problems[i].Offset >= 0).OrderBy(i => problems[i].Offset).ToArray();
        var located = problems.Select(p => new CaseProblem { Path = p.Path, Message = p.Message }).ToArray();
        var (line, lineStart, at) = (1, 0, 0);
        foreach (var i in order)
        {
            var offset = Math.Min(problems[i].Offset, utf8.Length);
            for (; at < offset; at++)
            {
                if (utf8[at] == '\n' || (utf8[at] == '\r' && (at + 1 == utf8.Length || utf8[at + 1] != '\n')))
                {
                    line++;
                    lineStart = at + 1;
                }
            }

            located[i] = located[i] with { Line = line, Column = Encoding.UTF8.GetCharCount(utf8[lineStart..offset]) + 1 };
        }

        return [.. located];
    }

    private static CaseValidationException Fail(List<CaseProblem> problems)
    {
        // Reading stops at the bound, so a hostile case cannot make the report far larger than itself.
        if (problems.Count <= CaseLimits.MaxProblems)
        {
            return new(problems.ToArray());
        }

        return new([.. problems.Take(CaseLimits.MaxProblems),
            new CaseProblem { Path = "", Message = $"reading stopped after {Count(CaseLimits.MaxProblems)} problems; fix these and read the case again" }]);
    }

    /// <summary>A problem as found: where it starts in the UTF-8 text (-1 when nowhere), its path and what is wrong.</summary>
    private readonly record struct Problem(int Offset, string Path, string Message);

    /// <summary>Thrown when <see cref="CaseLimits.MaxProblems"/> are found; reading values stops there.</summary>
    private sealed class StopReading : Exception;

    /// <summary>One frame of the JSON path: a property name, or the index of a list item.</summary>
    private readonly record struct PathPart(string? Name, int Index);

    [InlineArray(8)]
    private struct PathParts
    {
        private PathPart first;
    }

    /// <summary>The reading: the JSON reader, the path to the value at it, the problems so far, the currency's minor unit.</summary>
    private ref struct State(ReadOnlySpan<byte> utf8)
    {
        public Utf8JsonReader Json = new(utf8, Options);

        public List<Problem>? Problems;

        /// <summary>The currency's minor unit once known; -1 before.</summary>
        public int Decimals = -1;

        private readonly ReadOnlySpan<byte> utf8 = utf8;

        private PathParts path;

        private int depth;

        public void Push(string name)
        {
            if (depth < 8)
            {
                path[depth] = new PathPart(name, 0);
            }

            depth++;
        }

        public void Push(int index)
        {
            if (depth < 8)
            {
                path[depth] = new PathPart(null, index);
            }

            depth++;
        }

        public void Pop() => depth--;

        public int MinorUnit()
        {
            if (Decimals < 0)
            {
                Decimals = FindMinorUnit(utf8);
            }

            return Decimals;
        }

        public void Add(int offset, string message) => Add(offset, PathText(), message);

        public void Add(int offset, string pathText, string message)
        {
            (Problems ??= []).Add(new Problem(offset, pathText, message));
            if (Problems.Count > CaseLimits.MaxProblems)
            {
                throw new StopReading();
            }
        }

        private readonly string PathText()
        {
            var text = new StringBuilder();
            for (var i = 0; i < Math.Min(depth, 8); i++)
            {
                if (path[i].Name is { } name)
                {
                    StrictJson.AppendName(text, name);
                }
                else
                {
                    text.Append('[').Append(path[i].Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
            }

            return text.ToString();
        }
    }
}

using Negotiation.Core.Cases.Json;
using Newtonsoft.Json;

namespace Negotiation.Core.Cases;

public sealed partial record BorrowerCase
{
    /// <summary>Reads and checks a case written as JSON (see <c>rules/schemas/borrower-case.schema.json</c>).</summary>
    /// <param name="json">The case: camelCase properties, kebab-case enum values, money as JSON numbers, dates as <c>yyyy-MM-dd</c>.</param>
    /// <returns>The valid, immutable case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CaseValidationException">
    /// The JSON is malformed or the case is invalid; <see cref="CaseValidationException.Problems"/> lists every
    /// problem with its JSON path, and line and column where the text gives them.
    /// </exception>
    /// <remarks>Thread-safe. Unknown properties are errors (with the nearest known name suggested), never ignored.</remarks>
    public static BorrowerCase FromJson(string json) => CaseReader.Read(json);

    /// <summary>Writes the case as indented JSON that <see cref="FromJson(string)"/> reads back to an equal case.</summary>
    /// <returns>The case as JSON; absent optional values are left out.</returns>
    public string ToJson() => JsonConvert.SerializeObject(this, Formatting.Indented, CaseJson.Settings);
}

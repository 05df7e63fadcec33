using NetGen.Generator.Model;

namespace NetGen.Generator.Validation;

/// <summary>
/// One problem in a declaration. <paramref name="AttributeIndex"/> is the index of the offending
/// attribute among the class's attributes, or −1 for the class itself.
/// </summary>
internal sealed record Finding(Rule Rule, Severity Severity, int AttributeIndex, EquatableArray<string> Arguments);

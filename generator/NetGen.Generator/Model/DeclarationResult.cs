namespace NetGen.Generator.Model;

/// <summary>
/// What the discovery step produced for one [Network] class: its declaration, or the message of an
/// unexpected failure while reading it (reported as one diagnostic naming the class, never thrown).
/// </summary>
internal sealed record DeclarationResult(string ClassName, NetworkDeclaration? Declaration, string? Failure);

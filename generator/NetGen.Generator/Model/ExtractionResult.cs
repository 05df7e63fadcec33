namespace NetGen.Generator.Model;

/// <summary>
/// What extraction produced for one [Network] class: its declaration, or the message of an unexpected failure
/// while reading it (reported as NG9999 naming the class, never thrown).
/// </summary>
internal sealed record ExtractionResult(string ClassName, NetworkDeclaration? Declaration, string? Failure);

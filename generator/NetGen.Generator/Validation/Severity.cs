namespace NetGen.Generator.Validation;

/// <summary>How bad a finding is; <see cref="Error"/> means no code is generated for the class.</summary>
internal enum Severity
{
    None = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

namespace NetGen.Analyzers.Tests.Corpus;

/// <summary>What a corpus case must lead to, beyond what every case must (no exception, no AD0001, CS8785 or NG9999, no error inside generated code).</summary>
public enum CorpusExpectation
{
    /// <summary>The analyzer reports <see cref="CorpusCase.Id"/> (an error, or a warning where its descriptor says so: NG0014, NG0032).</summary>
    Ng,

    /// <summary>The compiler reports an error in the user's code (the attribute does not parse or bind); NetGen reports nothing unless <see cref="CorpusCase.Id"/> names what it also reports.</summary>
    Compiler,

    /// <summary>Zero errors anywhere, no NG error, and every network generated: a valid project, however odd it looks.</summary>
    Valid,

    /// <summary>Either rejected (an NG error or a compiler error in the user's code) or valid: for token mutations, whose outcome is not known beforehand.</summary>
    RejectedOrValid,
}

/// <summary>
/// One broken (or odd but valid) declaration. <paramref name="WaitingFor"/> marks a case that fails
/// today for a reason the lead is fixing on the generator branch ("needs NG0028 (lead)"): the test then
/// expects it to fail, and fails itself once the case passes, so that the mark is removed.
/// </summary>
public sealed record CorpusCase(string Name, string Source, CorpusExpectation Expect, string? Id = null, string? WaitingFor = null)
{
    public override string ToString() => Name;
}

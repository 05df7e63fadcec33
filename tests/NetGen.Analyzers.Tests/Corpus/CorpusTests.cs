using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace NetGen.Analyzers.Tests.Corpus;

/// <summary>The corpus as a whole.</summary>
public sealed class CorpusTests
{
    [Fact]
    public void The_corpus_has_at_least_100_distinct_cases_and_every_waiting_case_says_why()
    {
        Assert.True(CorpusCheck.All.Count >= 100, CorpusCheck.All.Count + " cases");
        Assert.Equal(CorpusCheck.All.Count, CorpusCheck.All.Values.Select(c => c.Source).Distinct(StringComparer.Ordinal).Count());
        Assert.All(CorpusCheck.All.Values.Where(c => c.WaitingFor is not null), c => Assert.Contains("(lead)", c.WaitingFor, StringComparison.Ordinal));
        Assert.All(CorpusCheck.All.Values.Where(c => c.Expect == CorpusExpectation.Ng), c => Assert.NotNull(c.Id));
    }
}

/// <summary>
/// The broken-declaration corpus through the real generator and the real analyzer, as a build runs
/// them. Every case: no exception, no AD0001, no CS8785, no NG9999, and no compiler error inside a
/// generated file (a mistake is reported on the user's code or not at all); then what the case expects.
/// A case marked as waiting for the lead must still fail: once it passes, this test fails and asks for the mark to go.
/// </summary>
public sealed class DeclarationCorpusTests
{
    public static TheoryData<string> Declarations() => CorpusCheck.Names(DeclarationCorpus.All());

    [Theory]
    [MemberData(nameof(Declarations))]
    public Task Declaration_is_reported_on_the_users_code_and_nothing_throws(string name) => CorpusCheck.CheckAsync(name);
}

/// <summary>The seeded token mutations, in their own class so that xunit runs them beside the declarations.</summary>
public sealed class MutationCorpusTests
{
    public static TheoryData<string> Mutations() => CorpusCheck.Names(TokenMutationCorpus.All());

    [Theory]
    [MemberData(nameof(Mutations))]
    public Task Mutated_declaration_is_reported_on_the_users_code_and_nothing_throws(string name) => CorpusCheck.CheckAsync(name);
}

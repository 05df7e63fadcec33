using System.Collections.Generic;
using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>Theory data for the batched tests: every network named, with every batch size.</summary>
internal static class BatchCases
{
    public static TheoryData<string, int> Of(IEnumerable<string> networks, IReadOnlyList<int> counts)
    {
        var cases = new TheoryData<string, int>();
        foreach (string network in networks)
        {
            foreach (int count in counts)
            {
                cases.Add(network, count);
            }
        }

        return cases;
    }
}

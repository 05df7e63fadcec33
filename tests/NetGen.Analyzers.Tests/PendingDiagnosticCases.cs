using System.Collections.Generic;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// Wrong and right snippets for the ids the lead is adding (NG0028–NG0032), in the markup of
/// <see cref="DiagnosticCases"/>. Once an id exists: move its pair into <see cref="DiagnosticCases"/>
/// with its message (and the same pair into docs/diagnostics.md), and drop it here.
/// </summary>
public static class PendingDiagnosticCases
{
    private const string Head = "using NetGen;\n\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(1, Activation.Linear)]\n";

    /// <summary>(id, wrong snippet with the expected span marked, right snippet).</summary>
    public static IEnumerable<(string Id, string Wrong, string Right)> All()
    {
        yield return ("NG0028", Head + "public static partial class {|NG0028:Net|};", Head + "public partial class Net;");
        yield return ("NG0029", Head + "public partial class {|NG0029:Forward|};", Head + "public partial class ForwardNet;");
        yield return ("NG0030", Head + "public partial class {|NG0030:Net|}(int seed);", Head + "public partial class Net\n{\n    public Net(int seed) => InitializeParameters(seed);\n}");
        yield return ("NG0031", Head + "public partial class Net\n{\n    public const int {|NG0031:InputSize|} = 2;\n}", Head + "public partial class Net\n{\n    public const int Inputs = InputSize;\n}");
        yield return ("NG0032", "using NetGen;\n\n[{|NG0032:Input(2)|}]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Head + "public partial class Net;");
    }
}

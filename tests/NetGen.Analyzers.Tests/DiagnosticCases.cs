using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// A wrong and a right snippet for every NG id (the same pairs as docs/diagnostics.md). The wrong one
/// marks every diagnostic it must report with Microsoft.CodeAnalysis.Testing's named markup, <c>{|NG0011:…|}</c>.
/// </summary>
public static class DiagnosticCases
{
    private const string Usings = "using NetGen;\n\n";

    public static IEnumerable<DiagnosticCase> All()
    {
        yield return new DiagnosticCase(
            "NG0001",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public class {|NG0001:Net|};
            """,
            "Network 'Net' must be declared partial so that NetGen can generate its members",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0002",
            DiagnosticSeverity.Error,
            Usings + """
            public class {|NG0002:Outer|}
            {
                [Network(Loss.MeanSquaredError)]
                [Input(2)]
                [Dense(1, Activation.Linear)]
                public partial class Net;
            }
            """,
            "Network 'Net' is nested in 'Outer', which must be declared partial too",
            Usings + """
            public partial class Outer
            {
                [Network(Loss.MeanSquaredError)]
                [Input(2)]
                [Dense(1, Activation.Linear)]
                public partial class Net;
            }
            """);

        yield return new DiagnosticCase(
            "NG0003",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class {|NG0003:Net|}<T>;
            """,
            "Network 'Net' is generic or nested in a generic type, but a network's sizes and scalar type are fixed by its attributes",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0004",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial struct {|NG0004:Net|};
            """,
            "Network 'Net' is declared as a struct, but a network must be a class",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0005",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Dense(1, Activation.Linear)]
            public partial class {|NG0005:Net|};
            """,
            "Network 'Net' has no [Input] layer; add [Input(n)] above its first [Dense]",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0006",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [{|NG0006:Input(3)|}]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """,
            "Network 'Net' declares a second [Input] (3 values), but a network has exactly one input layer",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0007",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [{|NG0007:Dense(3, Activation.ReLU)|}]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """,
            "Network 'Net': layer 1 ([Dense]) comes before the [Input], but attribute order is layer order",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0008",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            public partial class {|NG0008:Net|};
            """,
            "Network 'Net' has no [Dense] layer; add at least one [Dense(units, activation)] after its [Input]",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0009",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense({|NG0009:0|}, Activation.ReLU)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """,
            "Network 'Net': layer 1 ([Dense]) has width 0, but every layer needs at least 1 unit",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(4, Activation.ReLU)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0010",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(5000)]
            [Dense(1000, Activation.ReLU)]
            [Dense(1, Activation.Linear)]
            public partial class {|NG0010:Net|};
            """,
            "Network 'Net' has 5002001 parameters, more than the generator's limit of 4194304",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(500)]
            [Dense(100, Activation.ReLU)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0011",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Linear, {|NG0011:Inputs = 5|})]
            public partial class Net;
            """,
            "Network 'Net': layer 2 ([Dense]) declares Inputs = 5, but the previous layer is 3 wide",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Linear, Inputs = 3)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0012",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            public partial class Net;

            [{|NG0012:Dense(1, Activation.Linear)|}]
            public partial class Net;
            """,
            "Network 'Net' has its network attributes on more than one partial declaration, so their order, the layer order, is undefined",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;

            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0013",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.CategoricalCrossEntropy)]
            [Input(2)]
            [Dense(1, {|NG0013:Activation.Softmax|})]
            public partial class Net;
            """,
            "Network 'Net': layer 1 ([Dense]) applies Softmax to a single unit, whose output is always 1, so nothing can be learned",
            Usings + """
            [Network(Loss.CategoricalCrossEntropy)]
            [Input(2)]
            [Dense(3, Activation.Softmax)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0014",
            DiagnosticSeverity.Warning,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, {|NG0014:Activation.Softmax|})]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """,
            "Network 'Net': hidden layer 1 ([Dense]) uses Softmax, which squeezes its features into a distribution; use it on the output layer only",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0015",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, {|NG0015:(Activation)99|})]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """,
            "Network 'Net': layer 1 ([Dense]) has activation 99, which is not a defined Activation value",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0016",
            DiagnosticSeverity.Error,
            Usings + """
            [Network({|NG0016:(Loss)42|})]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """,
            "Network 'Net': Loss 42 is not a defined Loss value",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0017",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.ELU, {|NG0017:Alpha = 0|})]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """,
            "Network 'Net': layer 1 ([Dense]) has Alpha = 0, but ELU needs a finite α greater than 0",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.ELU, Alpha = 0.5)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0018",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.Huber, {|NG0018:HuberDelta = -1|})]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """,
            "Network 'Net': HuberDelta = -1, but the Huber loss needs a finite δ greater than 0",
            Usings + """
            [Network(Loss.Huber, HuberDelta = 0.5)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0019",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.BinaryCrossEntropy)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, {|NG0019:Activation.Linear|})]
            public partial class Net;
            """,
            "Network 'Net': BinaryCrossEntropy is undefined on the output of layer 2 ([Dense], Linear): it takes ln o and ln(1 − o), so it needs outputs in (0, 1), but Linear outputs any real number",
            Usings + """
            [Network(Loss.BinaryCrossEntropy)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0020",
            DiagnosticSeverity.Warning,
            Usings + """
            [Network(Loss.Hinge)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, {|NG0020:Activation.Sigmoid|})]
            public partial class Net;
            """,
            "Network 'Net': Hinge after the output of layer 2 ([Dense], Sigmoid) trains poorly: Hinge wants outputs of either sign for targets −1 and +1, but Sigmoid outputs values in (0, 1)",
            Usings + """
            [Network(Loss.Hinge)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Tanh)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0021",
            DiagnosticSeverity.Info,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, {|NG0021:Activation.Sigmoid|})]
            public partial class Net;
            """,
            "Network 'Net': Sigmoid output (layer 2) with MeanSquaredError is valid but not a matching pair; Sigmoid with BinaryCrossEntropy or Linear with MeanSquaredError gives the simpler, more stable output delta o − y",
            Usings + """
            [Network(Loss.BinaryCrossEntropy)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0022",
            DiagnosticSeverity.Info,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, {|NG0022:Activation.Step|})]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """,
            "Network 'Net': layer 1 ([Dense]) uses Step, whose derivative is 0 everywhere, so the network is inference-only and has no Backward or TrainStep",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0023",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, {|NG0022:Activation.Step|})]
            [Dense(1, Activation.Linear)]
            public partial class Net;

            public static class Training
            {
                public static float Step(Net net, float[] input, float[] target) => net.{|NG0023:{|CS1061:TrainStep|}|}(input, target);
            }
            """,
            "Network 'Net' is inference-only because layer 1 ([Dense]) uses Step, so it has no TrainStep",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Linear)]
            public partial class Net;

            public static class Training
            {
                public static float Step(Net net, float[] input, float[] target) => net.TrainStep(input, target);
            }
            """);

        yield return new DiagnosticCase(
            "NG0024",
            DiagnosticSeverity.Info,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(8, Activation.Tanh)]
            [Dense(8, Activation.Sigmoid)]
            [Dense(8, Activation.Tanh)]
            [Dense(8, Activation.Tanh)]
            [Dense(1, Activation.Linear)]
            public partial class {|NG0024:Net|};
            """,
            "Network 'Net' has 4 Sigmoid/Tanh hidden layers, through which gradients can vanish; consider ReLU, LeakyReLU or ELU for hidden layers",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(8, Activation.ReLU)]
            [Dense(8, Activation.ReLU)]
            [Dense(8, Activation.LeakyReLU)]
            [Dense(8, Activation.ELU)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0025",
            DiagnosticSeverity.Warning,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Linear)]
            public partial class Net;

            public static class Inference
            {
                public static float Run(Net net)
                {
                    float[] output = new float[Net.OutputSize];
                    net.Forward({|NG0025:new float[] { 1, 2, 3 }|}, output);
                    return output[0];
                }
            }
            """,
            "'Net.Forward' needs 'input' of length 2 (InputSize), but this argument has length 3",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Linear)]
            public partial class Net;

            public static class Inference
            {
                public static float Run(Net net)
                {
                    float[] output = new float[Net.OutputSize];
                    net.Forward(new float[] { 1, 2 }, output);
                    return output[0];
                }
            }
            """);

        yield return new DiagnosticCase(
            "NG0026",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(8, Activation.ReLU)]
            [Dropout({|NG0026:1|})]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """,
            "Network 'Net': the [Dropout] after layer 1 ([Dense]) has rate 1, but a dropout rate must be at least 0 and less than 1",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(8, Activation.ReLU)]
            [Dropout(0.5)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0027",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(8, Activation.ReLU)]
            [Dense(1, Activation.Linear)]
            [{|NG0027:Dropout(0.5)|}]
            public partial class Net;
            """,
            "Network 'Net' has a [Dropout] after the output layer 2, but a [Dropout] must directly follow a hidden [Dense] layer",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(8, Activation.ReLU)]
            [Dropout(0.5)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0028",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public static partial class {|NG0028:Net|};
            """,
            "Network 'Net' is declared static, but a network is an object that holds its parameters; remove 'static'",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0029",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class {|NG0029:Forward|};
            """,
            "Network 'Forward' has the name of a member NetGen generates into it, and a member cannot have its class's name; rename the class",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class ForwardNet;
            """);

        yield return new DiagnosticCase(
            "NG0030",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net{|NG0030:(int seed)|};
            """,
            "Network 'Net' has a primary constructor, but NetGen generates the parameterless constructor that initialises the parameters; declare the parameters as members or a constructor in the class body",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net
            {
                public Net(int seed) : this() => InitializeParameters(seed);
            }
            """);

        yield return new DiagnosticCase(
            "NG0031",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net
            {
                public int {|NG0031:InputSize|} => 2;
            }
            """,
            "Network 'Net' declares 'InputSize', a name NetGen generates into the class; rename the member",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net
            {
                public int Width => InputSize;
            }
            """);

        yield return new DiagnosticCase(
            "NG0032",
            DiagnosticSeverity.Warning,
            Usings + """
            [{|NG0032:Input(2)|}]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """,
            "'Net' has [Input] but no [Network], so no network is generated; add [Network(loss)] or remove the layer attributes",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0033",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Maxout(4, {|NG0033:1|})]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """,
            "Network 'Net': layer 1 ([Maxout]) has 1 pieces, but a Maxout unit is the maximum of at least 2 affine maps",
            Usings + """
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Maxout(4, 2)]
            [Dense(1, Activation.Linear)]
            public partial class Net;
            """);

        yield return new DiagnosticCase(
            "NG0034",
            DiagnosticSeverity.Error,
            Usings + """
            [Network(Loss.CategoricalCrossEntropy)]
            [Input(2)]
            [Dense(4, Activation.ReLU)]
            [{|NG0034:Maxout(3, 2)|}]
            public partial class Net;
            """,
            "Network 'Net': CategoricalCrossEntropy is undefined on the output of layer 2 ([Maxout]), which is unbounded like Linear; use MeanSquaredError, MeanAbsoluteError, Huber or Hinge, or end with a [Dense] layer",
            Usings + """
            [Network(Loss.CategoricalCrossEntropy)]
            [Input(2)]
            [Maxout(4, 2)]
            [Dense(3, Activation.Softmax)]
            public partial class Net;
            """);
    }
}

using System.Collections.Generic;
using static NetGen.Analyzers.Tests.Corpus.CorpusExpectation;

namespace NetGen.Analyzers.Tests.Corpus;

/// <summary>
/// Hand-written declarations a user could write while typing or by mistake: missing, duplicated and
/// misordered attributes, bad widths and enum casts, half-typed attributes, odd type kinds and nesting,
/// names the generated code must not be captured by, and valid look-alikes.
/// </summary>
public static class DeclarationCorpus
{
    private const string Using = "using NetGen;\n";
    private const string Net = "[Network(Loss.MeanSquaredError)]\n";
    private const string Layers = "[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dense(1, Activation.Linear)]\n";

    // Tanh and Sigmoid: the generated code calls MathF.Tanh and MathF.Exp (Math.* in double precision).
    private const string MathLayers = "[Input(2)]\n[Dense(3, Activation.Tanh)]\n[Dense(2, Activation.Sigmoid)]\n";
    private const string DoubleNet = "[Network(Loss.BinaryCrossEntropy, Precision = Precision.Double)]\n";
    private const string FloatNet = "[Network(Loss.BinaryCrossEntropy)]\n";
    private const string ValidSource = Using + Net + Layers + "public partial class Net;\n";


    public static IEnumerable<CorpusCase> All()
    {
        // Missing attributes.
        yield return new("missing: no [Input]", Using + Net + "[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0005");
        yield return new("missing: no [Dense]", Using + Net + "[Input(2)]\npublic partial class Net;", Ng, "NG0008");
        yield return new("missing: no layers at all", Using + Net + "public partial class Net;", Ng, "NG0005");
        yield return new("missing: no [Network], input and dense", Using + Layers + "public partial class Net;", Ng, "NG0032");
        yield return new("missing: no [Network], dense only", Using + "[Dense(3, Activation.ReLU)]\npublic partial class Net;", Ng, "NG0032");
        yield return new("missing: no [Network], dropout only", Using + "[Dropout(0.5)]\npublic class Net { }", Ng, "NG0032");
        yield return new("missing: loss argument", Using + "[Network]\n" + Layers + "public partial class Net;", Compiler);
        yield return new("missing: empty network arguments", Using + "[Network()]\n" + Layers + "public partial class Net;", Compiler);
        yield return new("missing: input width", Using + Net + "[Input]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Compiler);
        yield return new("missing: dense activation", Using + Net + "[Input(2)]\n[Dense(3)]\npublic partial class Net;", Compiler);
        yield return new("missing: dense arguments", Using + Net + "[Input(2)]\n[Dense]\npublic partial class Net;", Compiler);
        yield return new("missing: dropout rate", Using + Net + "[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dropout]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Compiler);
        yield return new("missing: using NetGen", Net + Layers + "public partial class Net;", Compiler);

        // Duplicated attributes.
        yield return new("duplicated: two inputs", Using + Net + "[Input(2)]\n[Input(3)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0006");
        yield return new("duplicated: three inputs", Using + Net + "[Input(2)]\n[Input(2)]\n[Input(2)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0006");
        yield return new("duplicated: two network attributes", Using + Net + "[Network(Loss.Huber)]\n" + Layers + "public partial class Net;", Compiler);
        yield return new("duplicated: network on both parts", Using + Net + Layers + "public partial class Net;\n" + Net + "public partial class Net;", Compiler, "NG0012");
        yield return new("duplicated: the same dense twice is two layers", Using + Net + "[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dense(3, Activation.ReLU)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Valid);
        yield return new("duplicated: two dropouts in a row", Using + Net + "[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dropout(0.5)]\n[Dropout(0.5)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0027");
        yield return new("duplicated: layers on a second part", Using + Net + "[Input(2)]\npublic partial class Net;\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0012");
        yield return new("duplicated: input on a second part", Using + Net + Layers + "public partial class Net;\n[Input(4)]\npublic partial class Net;", Ng, "NG0012");

        // Misordered attributes.
        yield return new("misordered: dense before input", Using + Net + "[Dense(3, Activation.ReLU)]\n[Input(2)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0007");
        yield return new("misordered: input last", Using + Net + "[Dense(3, Activation.ReLU)]\n[Dense(1, Activation.Linear)]\n[Input(2)]\npublic partial class Net;", Ng, "NG0007");
        yield return new("misordered: network attribute last is fine", Using + Layers + Net + "public partial class Net;", Valid);
        yield return new("misordered: network between layers is fine", Using + "[Input(2)]\n" + Net + "[Dense(1, Activation.Linear)]\npublic partial class Net;", Valid);
        yield return new("misordered: one attribute list", Using + "[Network(Loss.MeanSquaredError), Input(2), Dense(3, Activation.ReLU), Dense(1, Activation.Linear)]\npublic partial class Net;", Valid);
        yield return new("misordered: one list, dense first", Using + "[Network(Loss.MeanSquaredError), Dense(1, Activation.Linear), Input(2)]\npublic partial class Net;", Ng, "NG0007");
        yield return new("misordered: dropout before input", Using + Net + "[Dropout(0.5)]\n" + Layers + "public partial class Net;", Ng, "NG0027");
        yield return new("misordered: dropout right after input", Using + Net + "[Input(2)]\n[Dropout(0.5)]\n[Dense(3, Activation.ReLU)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0027");
        yield return new("misordered: dropout after the output", Using + Net + Layers + "[Dropout(0.5)]\npublic partial class Net;", Ng, "NG0027");
        yield return new("misordered: attribute target on the class", Using + "[type: Network(Loss.MeanSquaredError)]\n[type: Input(2)]\n[type: Dense(1, Activation.Linear)]\npublic partial class Net;", Valid);

        // Bad widths.
        yield return new("width: input 0", Using + Net + "[Input(0)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0009");
        yield return new("width: input -1", Using + Net + "[Input(-1)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0009");
        yield return new("width: dense 0", Using + Net + "[Input(2)]\n[Dense(0, Activation.ReLU)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0009");
        yield return new("width: dense -5", Using + Net + "[Input(2)]\n[Dense(-5, Activation.Linear)]\npublic partial class Net;", Ng, "NG0009");
        yield return new("width: int.MaxValue everywhere", Using + Net + "[Input(int.MaxValue)]\n[Dense(int.MaxValue, Activation.ReLU)]\n[Dense(int.MaxValue, Activation.Linear)]\npublic partial class Net;", Ng, "NG0010");
        yield return new("width: int.MinValue", Using + Net + "[Input(int.MinValue)]\n[Dense(int.MinValue, Activation.Linear, Inputs = int.MinValue)]\npublic partial class Net;", Ng, "NG0009");
        yield return new("width: too many units", Using + Net + "[Input(2)]\n[Dense(20000, Activation.ReLU)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0010");
        yield return new("width: too many parameters", Using + Net + "[Input(5000)]\n[Dense(1000, Activation.ReLU)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0010");
        yield return new("width: declared fan-in wrong", Using + Net + "[Input(2)]\n[Dense(3, Activation.ReLU, Inputs = 4)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0011");
        yield return new("width: declared fan-in 0 means not declared", Using + Net + "[Input(2)]\n[Dense(1, Activation.Linear, Inputs = 0)]\npublic partial class Net;", Valid);
        yield return new("width: declared fan-in int.MaxValue", Using + Net + "[Input(2)]\n[Dense(1, Activation.Linear, Inputs = int.MaxValue)]\npublic partial class Net;", Ng, "NG0011");
        yield return new("width: declared fan-in right", Using + Net + "[Input(2)]\n[Dense(3, Activation.ReLU, Inputs = 2)]\n[Dense(1, Activation.Linear, Inputs = 3)]\npublic partial class Net;", Valid);
        yield return new("width: a double", Using + Net + "[Input(2.5)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Compiler);
        yield return new("width: a string", Using + Net + "[Input(\"two\")]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Compiler);
        yield return new("width: a uint", Using + Net + "[Input(2u)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Compiler);
        yield return new("width: overflow in a constant", Using + Net + "[Input(int.MaxValue + 1)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Compiler);
        yield return new("width: not a constant", Using + Net + "[Input(int.Parse(\"2\"))]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Compiler);
        yield return new("width: constant expression", Using + Net + "[Input(1 + 1)]\n[Dense(2 * 2, Activation.ReLU)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Valid);
        yield return new("width: named constants", Using + "static class Sizes { public const int In = 2; public const int Hidden = 3; }\n" + Net + "[Input(Sizes.In)]\n[Dense(Sizes.Hidden, Activation.ReLU)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Valid);
        yield return new("width: cast constant", Using + Net + "[Input((int)2L)]\n[Dense((int)3.0, Activation.ReLU)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Valid);

        // Enum casts and values.
        yield return new("enum: activation 99", Using + Net + "[Input(2)]\n[Dense(3, (Activation)99)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0015");
        yield return new("enum: activation -1", Using + Net + "[Input(2)]\n[Dense(1, (Activation)(-1))]\npublic partial class Net;", Ng, "NG0015");
        yield return new("enum: activation int.MaxValue", Using + Net + "[Input(2)]\n[Dense(1, (Activation)int.MaxValue)]\npublic partial class Net;", Ng, "NG0015");
        yield return new("enum: loss 99", Using + "[Network((Loss)99)]\n" + Layers + "public partial class Net;", Ng, "NG0016");
        yield return new("enum: precision 7", Using + "[Network(Loss.MeanSquaredError, Precision = (Precision)7)]\n" + Layers + "public partial class Net;", Ng, "NG0016");
        yield return new("enum: optimizer -3", Using + "[Network(Loss.MeanSquaredError, Optimizer = (Optimizer)(-3))]\n" + Layers + "public partial class Net;", Ng, "NG0016");
        yield return new("enum: activation 0 is Linear", Using + Net + "[Input(2)]\n[Dense(3, (Activation)3)]\n[Dense(1, (Activation)0)]\npublic partial class Net;", Valid);
        yield return new("enum: default(Activation)", Using + Net + "[Input(2)]\n[Dense(1, default(Activation))]\npublic partial class Net;", Valid);
        yield return new("enum: or-ed flags", Using + Net + "[Input(2)]\n[Dense(3, Activation.Linear | Activation.ReLU)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Valid);
        yield return new("enum: an int for the activation", Using + Net + "[Input(2)]\n[Dense(3, 3)]\npublic partial class Net;", Compiler);
        yield return new("enum: misspelled member", Using + Net + "[Input(2)]\n[Dense(3, Activation.Relu)]\npublic partial class Net;", Compiler);
        yield return new("enum: loss where the activation goes", Using + Net + "[Input(2)]\n[Dense(3, Loss.Huber)]\npublic partial class Net;", Compiler);
        // DenseAttribute.Alpha documents NaN as "not given": the activation's default α.
        yield return new("enum: alpha NaN is the documented default", Using + Net + "[Input(2)]\n[Dense(3, Activation.LeakyReLU, Alpha = double.NaN)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Valid);
        yield return new("enum: alpha infinite", Using + Net + "[Input(2)]\n[Dense(3, Activation.ELU, Alpha = double.PositiveInfinity)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0017");
        yield return new("enum: huber delta 0", Using + "[Network(Loss.Huber, HuberDelta = 0)]\n" + Layers + "public partial class Net;", Ng, "NG0018");
        yield return new("enum: huber delta NaN", Using + "[Network(Loss.Huber, HuberDelta = double.NaN)]\n" + Layers + "public partial class Net;", Ng, "NG0018");
        yield return new("enum: dropout 1", Using + Net + "[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dropout(1)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0026");
        yield return new("enum: dropout -0.1", Using + Net + "[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dropout(-0.1)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0026");
        yield return new("enum: dropout NaN", Using + Net + "[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dropout(double.NaN)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0026");
        yield return new("enum: softmax on one unit", Using + "[Network(Loss.CategoricalCrossEntropy)]\n[Input(2)]\n[Dense(1, Activation.Softmax)]\npublic partial class Net;", Ng, "NG0013");
        yield return new("enum: softmax hidden", Using + Net + "[Input(2)]\n[Dense(3, Activation.Softmax)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Ng, "NG0014");
        yield return new("enum: pairing error", Using + "[Network(Loss.CategoricalCrossEntropy)]\n[Input(2)]\n[Dense(3, Activation.Linear)]\npublic partial class Net;", Ng, "NG0019");
        yield return new("enum: everything wrong at once", Using + "[Network((Loss)50, HuberDelta = -1)]\n[Dense(0, (Activation)77, Inputs = 9)]\n[Input(-1)]\n[Input(0)]\n[Dense(1, Activation.Softmax)]\npublic struct Net<T>;", Ng, "NG0004");

        // Half-typed attributes.
        yield return new("half-typed: activation member", Using + Net + "[Input(2)]\n[Dense(3, Activation.\npublic partial class Net;", Compiler);
        yield return new("half-typed: activation member, closed", Using + Net + "[Input(2)]\n[Dense(3, Activation.)]\npublic partial class Net;", Compiler);
        yield return new("half-typed: second argument", Using + Net + "[Input(2)]\n[Dense(3, ]\npublic partial class Net;", Compiler);
        yield return new("half-typed: open parenthesis", Using + Net + "[Input(2)]\n[Dense(\npublic partial class Net;", Compiler);
        yield return new("half-typed: attribute name", Using + Net + "[Input(2)]\n[Dense\npublic partial class Net;", Compiler);
        yield return new("half-typed: attribute name prefix", Using + Net + "[Input(2)]\n[Den]\npublic partial class Net;", Compiler, "NG0008");
        yield return new("half-typed: input", Using + Net + "[Input(2\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Compiler);
        yield return new("half-typed: loss member", Using + "[Network(Loss.\n" + Layers + "public partial class Net;", Compiler);
        yield return new("half-typed: named argument", Using + "[Network(Loss.MeanSquaredError, Optimizer = )]\n" + Layers + "public partial class Net;", Compiler);
        yield return new("half-typed: alpha", Using + Net + "[Input(2)]\n[Dense(3, Activation.ELU, Alpha = )]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Compiler);
        yield return new("half-typed: inputs name", Using + Net + "[Input(2)]\n[Dense(3, Activation.ReLU, Inputs]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Compiler);
        yield return new("half-typed: dropout", Using + Net + "[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dropout(0.\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Compiler);
        yield return new("half-typed: unclosed attribute list", Using + Net + "[Input(2)]\n[Dense(3, Activation.ReLU)\npublic partial class Net;", Compiler, "NG0021");
        yield return new("half-typed: class without a name", Using + Net + Layers + "public partial class", Compiler, null);
        yield return new("half-typed: class without a body", Using + Net + Layers + "public partial class Net", Compiler);
        yield return new("half-typed: unclosed class", Using + Net + Layers + "public partial class Net {\n  public void M() {", Compiler);
        yield return new("half-typed: attributes without a class", Using + Net + Layers, Compiler);
        yield return new("half-typed: unknown named argument", Using + Net + "[Input(2)]\n[Dense(3, Activation.ReLU, Units = 4)]\npublic partial class Net;", Compiler);
        yield return new("half-typed: syntax error in the body", Using + Net + Layers + "public partial class Net { void M( }", Compiler);

        // Odd type kinds.
        yield return new("kind: struct", Using + Net + Layers + "public partial struct Net;", Ng, "NG0004");
        yield return new("kind: record struct", Using + Net + Layers + "public partial record struct Net;", Ng, "NG0004");
        yield return new("kind: interface", Using + Net + Layers + "public partial interface INet;", Ng, "NG0004");
        yield return new("kind: record class is a class", Using + Net + Layers + "public partial record Net;", Valid);
        yield return new("kind: enum", Using + Net + Layers + "public enum Net { A }", Compiler);
        yield return new("kind: delegate", Using + Net + Layers + "public delegate void Net();", Compiler);
        yield return new("kind: static class", Using + Net + Layers + "public static partial class Net;", Ng, "NG0028");
        yield return new("kind: static class with a body", Using + Net + Layers + "public static partial class Net { }", Ng, "NG0028");
        yield return new("kind: abstract class", Using + Net + Layers + "public abstract partial class Net;", Valid);
        yield return new("kind: sealed internal class", Using + Net + Layers + "internal sealed partial class Net;", Valid);
        yield return new("kind: primary constructor", Using + Net + Layers + "public partial class Net(int seed);", Ng, "NG0030");
        yield return new("kind: empty primary constructor", Using + Net + Layers + "public partial class Net();", Ng, "NG0030");
        yield return new("kind: generic", Using + Net + Layers + "public partial class Net<T>;", Ng, "NG0003");
        yield return new("kind: not partial", Using + Net + Layers + "public class Net;", Ng, "NG0001");
        yield return new("kind: file-local class", Using + Net + Layers + "file partial class Net;", Valid);
        yield return new("kind: unsafe class", Using + Net + Layers + "public unsafe partial class Net;", Valid);
        yield return new("kind: class with a base class", Using + "public abstract class Model { }\n" + Net + Layers + "public partial class Net : Model;", Valid);

        // Nesting and namespaces.
        yield return new("nesting: in a generic type", Using + "public partial class Outer<T>\n{\n" + Net + Layers + "public partial class Net;\n}", Ng, "NG0003");
        yield return new("nesting: in a non-partial type", Using + "public class Outer\n{\n" + Net + Layers + "public partial class Net;\n}", Ng, "NG0002");
        yield return new("nesting: in a non-partial static type", Using + "public static class Outer\n{\n" + Net + Layers + "public partial class Net;\n}", Ng, "NG0002");
        yield return new("nesting: two partial levels", Using + "public partial class A\n{\n    internal partial struct B\n    {\n" + Net + Layers + "internal partial class Net;\n    }\n}", Valid);
        yield return new("nesting: in a partial record", Using + "public partial record Outer\n{\n" + Net + Layers + "public partial class Net;\n}", Valid);
        yield return new("nesting: in a partial record struct", Using + "public partial record struct Outer\n{\n" + Net + Layers + "public partial class Net;\n}", Valid);
        yield return new("nesting: in a partial interface", Using + "public partial interface IOuter\n{\n" + Net + Layers + "public partial class Net;\n}", Valid);
        yield return new("nesting: private nested network", Using + "public partial class Outer\n{\n" + Net + Layers + "private partial class Net;\n    public static int Size => Net.InputSize;\n}", Valid);
        yield return new("nesting: file-scoped namespace", Using + "namespace App.Models;\n" + Net + Layers + "public partial class Net;", Valid);
        yield return new("nesting: block namespaces", Using + "namespace App { namespace Models {\n" + Net + Layers + "public partial class Net;\n} }", Valid);
        yield return new("nesting: global namespace", ValidSource, Valid);
        yield return new("nesting: in the NetGen namespace", "namespace NetGen.Models;\n" + Net + Layers + "public partial class Net;", Valid);
        yield return new("nesting: namespace named like the class", Using + "namespace Net;\n" + Net + Layers + "public partial class Net;", Valid);
        yield return new("nesting: same name in two namespaces", Using + "namespace A { " + Net + Layers + "public partial class Net; }\nnamespace B { " + Net + Layers + "public partial class Net; }", Valid);
        yield return new("nesting: namespace A.B and A.B.C", Using + "namespace A.B { " + Net + Layers + "public partial class Net; }\nnamespace A.B.C { " + Net + Layers + "public partial class Net; }", Valid);
        yield return new("nesting: nested and top-level of one name", Using + Net + Layers + "public partial class Net;\npublic partial class Outer { " + Net + Layers + "public partial class Net; }", Valid);

        // Look-alike names: each must stay a valid project.
        yield return new("look-alike: PairNet and Pairnet", Using + Net + Layers + "public partial class PairNet;\n" + Net + Layers + "public partial class Pairnet;", Valid, null);
        // C# itself rejects a namespace A.B beside a class A.B (CS0101); the generator must still not fail (CS8785).
        yield return new("look-alike: namespace A.B beside class A.B, both holding C", Using + "namespace A.B { " + Net + Layers + "public partial class C; }\nnamespace A { public partial class B { " + Net + Layers + "public partial class C; } }", Compiler, null);
        yield return new("look-alike: App.Net and app.Net", Using + "namespace App { " + Net + Layers + "public partial class Net; }\nnamespace app { " + Net + Layers + "public partial class Net; }", Valid, null);

        // Names the generated code must not be captured by.
        yield return new("capture: member named Math", Using + DoubleNet + MathLayers + "public partial class Net { public int Math => 0; }", Valid, null);
        yield return new("capture: member named MathF", Using + FloatNet + MathLayers + "public partial class Net { public static int MathF; }", Valid, null);
        yield return new("capture: nested type named MathF", Using + FloatNet + MathLayers + "public partial class Net { private static class MathF { } }", Valid, null);
        yield return new("capture: nested type named Math", Using + DoubleNet + MathLayers + "public partial class Net { private static class Math { } }", Valid, null);
        yield return new("capture: nested type named Span", Using + FloatNet + MathLayers + "public partial class Net { private struct Span<T> { } }", Valid, null);
        yield return new("capture: nested type named ReadOnlySpan", Using + FloatNet + MathLayers + "public partial class Net { private struct ReadOnlySpan<T> { } }", Valid, null);
        yield return new("capture: namespace with its own Span", Using + "namespace App;\npublic struct Span<T> { }\n" + FloatNet + MathLayers + "public partial class Net;", Valid, null);
        yield return new("capture: namespace with its own ReadOnlySpan", Using + "namespace App;\npublic struct ReadOnlySpan<T> { }\n" + FloatNet + MathLayers + "public partial class Net;", Valid, null);
        yield return new("capture: namespace with its own Math", Using + "namespace App;\npublic static class Math { }\n" + DoubleNet + MathLayers + "public partial class Net;", Valid, null);
        yield return new("capture: namespace with its own MathF", Using + "namespace App;\npublic static class MathF { }\n" + FloatNet + MathLayers + "public partial class Net;", Valid, null);
        yield return new("capture: namespace with its own System", Using + "namespace App.System { public class Nothing { } }\nnamespace App { " + FloatNet + MathLayers + "public partial class Net; }", Valid);
        yield return new("capture: type named NetGen", Using + "namespace App;\npublic class NetGen { }\n" + "[global::NetGen.Network(global::NetGen.Loss.BinaryCrossEntropy)]\n[global::NetGen.Input(2)]\n[global::NetGen.Dense(1, global::NetGen.Activation.Sigmoid)]\npublic partial class Net;", Valid);
        yield return new("capture: containing type named Math", Using + "public partial class Math { " + DoubleNet + MathLayers + "public partial class Net; }", Valid, null);
        yield return new("capture: user helper methods with common names", Using + FloatNet + MathLayers + "public partial class Net { private static float Exp(float x) => x; private static float Max(float a, float b) => a; private int x0, a1_0, w; }", Valid);

        // Names the generated members take.
        yield return new("clash: class named Forward", Using + Net + Layers + "public partial class Forward;", Ng, "NG0029");
        yield return new("clash: class named InputSize", Using + Net + Layers + "public partial class InputSize;", Ng, "NG0029");
        yield return new("clash: class named TrainStep", Using + Net + Layers + "public partial class TrainStep;", Ng, "NG0029");
        yield return new("clash: user member Forward", Using + Net + Layers + "public partial class Net { public void Forward(System.ReadOnlySpan<float> input, System.Span<float> output) { } }", Ng, "NG0031");
        yield return new("clash: user member InputSize", Using + Net + Layers + "public partial class Net { public const int InputSize = 2; }", Ng, "NG0031");
        yield return new("clash: user property ParameterCount", Using + Net + Layers + "public partial class Net { public int ParameterCount => 0; }", Ng, "NG0031");
        yield return new("clash: user field _w", Using + Net + Layers + "public partial class Net { private float[] _w = new float[1]; }", Ng, "NG0031");
        yield return new("clash: user constructor without parameters replaces the generated one", Using + Net + Layers + "public partial class Net { public Net() => InitializeParameters(7); }", Valid);
        yield return new("clash: user overload of Forward is fine", Using + Net + Layers + "public partial class Net { public float[] Forward(float[] input) { var o = new float[OutputSize]; Forward(input, o); return o; } }", Valid);
        yield return new("clash: user constructor with a seed is fine", Using + Net + Layers + "public partial class Net { public Net(int seed) => InitializeParameters(seed); }", Valid);
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NetGen.Generator.Mathematics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// The names of the members the generator adds to a network class, so that validation can report a user
/// member of the same name (NG0031) or a class named like one (NG0029) before the compiler would fail inside
/// the generated file. GeneratedMemberNamesTests holds this list equal to what the emitter writes.
/// </summary>
internal static class GeneratedMemberNames
{
    // Members of every network, and names kept for the members the next versions add (batched members, ONNX).
    private static readonly string[] Always =
    {
        "InputSize", "OutputSize", "ParameterCount", "DefaultSeed", "ParameterStorage", "_w", "NetGenLayerDescriptions",
        "Forward", "ForwardBatch", "ComputeLoss", "GetParameters", "SetParameters", "InitializeParameters",
        "SaveWeights", "LoadWeights", "SaveOnnx", "LoadOnnx", "_batch", "BatchScratch",
    };

    private static readonly string[] Trainable =
    {
        "Backward", "BackwardBatch", "BackwardIntoBlock", "Hyperparameters", "TrainStep", "TrainBatch", "ApplyGradients",
        "ResetOptimizerState", "_step",
    };

    // Members that depend on the optimizer, the dropout and the loss.
    private static readonly string[] Conditional = { "_m", "_v", "_dropout", "SeedDropout", "LogFloor", "HuberTerm", "HuberGradient" };

    private static readonly HashSet<string> Fixed = new(Always.Concat(Trainable).Concat(Conditional), System.StringComparer.Ordinal);

    private static readonly Dictionary<string, string[][]> SingleMethods = MethodParameters("float");

    private static readonly Dictionary<string, string[][]> DoubleMethods = MethodParameters("double");

    private static readonly Regex PerLayer = new(@"^(Layer[1-9][0-9]*Size|W[1-9][0-9]*Offset|W[1-9][0-9]*Length|B[1-9][0-9]*Offset)$", RegexOptions.CultureInvariant);

    /// <summary><c>Forward(global::System.ReadOnlySpan&lt;float&gt;, global::System.Span&lt;float&gt;)</c>: a method's name and parameter types.</summary>
    public static string Signature(string name, IEnumerable<string> parameterTypes) => name + "(" + string.Join(", ", parameterTypes) + ")";

    /// <summary>The name of a member as extraction keeps it: the part before a method's parameter list.</summary>
    public static string NameOf(string member)
    {
        int parenthesis = member.IndexOf('(');
        return parenthesis < 0 ? member : member.Substring(0, parenthesis);
    }

    /// <summary>
    /// True when a user member (a name, or a method's <see cref="Signature"/>) clashes with what the generator adds: a
    /// field, property, constant or type of a generated name, or a method with a generated method's name and
    /// parameter types. An overload with other parameter types is no clash.
    /// </summary>
    /// <param name="member">The user's member as extraction keeps it.</param>
    /// <param name="generated">What <see cref="For"/> gives for the declaration.</param>
    /// <param name="precision">The network's scalar type, which the generated methods' spans are of.</param>
    public static bool Clashes(string member, HashSet<string> generated, PrecisionKind precision)
    {
        string name = NameOf(member);
        if (!generated.Contains(name))
        {
            return false;
        }

        Dictionary<string, string[][]> methods = precision == PrecisionKind.Double ? DoubleMethods : SingleMethods;
        if (member.IndexOf('(') < 0 || !methods.TryGetValue(name, out string[][]? overloads))
        {
            return true; // not a method, or a method named like a generated field, property or type
        }

        foreach (string[] parameters in overloads)
        {
            if (member == Signature(name, parameters))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parameter types of the generated methods, spelled as Roslyn's fully qualified format spells them.</summary>
    private static Dictionary<string, string[][]> MethodParameters(string t)
    {
        string span = "global::System.Span<" + t + ">", readOnly = "global::System.ReadOnlySpan<" + t + ">";
        const string text = "string", stream = "global::System.IO.Stream";
        return new Dictionary<string, string[][]>(System.StringComparer.Ordinal)
        {
            ["Forward"] = new[] { new[] { readOnly, span } },
            ["ForwardBatch"] = new[] { new[] { readOnly, span } },
            ["ComputeLoss"] = new[] { new[] { readOnly, readOnly } },
            ["Backward"] = new[] { new[] { readOnly, readOnly, span } },
            ["BackwardBatch"] = new[] { new[] { readOnly, readOnly, span } },
            ["BackwardIntoBlock"] = new[] { new[] { readOnly, readOnly, span, span, "int" } },
            ["TrainStep"] = new[] { new[] { readOnly, readOnly } },
            ["TrainBatch"] = new[] { new[] { readOnly, readOnly } },
            ["ApplyGradients"] = new[] { new[] { readOnly, "int" } },
            ["ResetOptimizerState"] = new[] { System.Array.Empty<string>() },
            ["SeedDropout"] = new[] { new[] { "int" } },
            ["GetParameters"] = new[] { new[] { span } },
            ["SetParameters"] = new[] { new[] { readOnly } },
            ["InitializeParameters"] = new[] { new[] { "int" } },
            ["SaveWeights"] = new[] { new[] { text } },
            ["LoadWeights"] = new[] { new[] { text } },
            ["SaveOnnx"] = new[] { new[] { text }, new[] { stream } },
            ["LoadOnnx"] = new[] { new[] { text }, new[] { stream } },
            ["HuberTerm"] = new[] { new[] { t } },
            ["HuberGradient"] = new[] { new[] { t } },
        };
    }

    /// <summary>True for any name the generator may use in some network: what extraction keeps of the user's member names.</summary>
    public static bool MayBeGenerated(string name) => Fixed.Contains(name) || PerLayer.IsMatch(name);

    /// <summary>The names the generator adds to this network's class.</summary>
    public static HashSet<string> For(NetworkDeclaration declaration)
    {
        var names = new HashSet<string>(Always, System.StringComparer.Ordinal);
        IReadOnlyList<NumberedLayer> layers = declaration.ParameterLayers();
        foreach (NumberedLayer layer in layers)
        {
            names.Add("Layer" + layer.Number + "Size");
            names.Add("W" + layer.Number + "Offset");
            names.Add("W" + layer.Number + "Length");
            names.Add("B" + layer.Number + "Offset");
        }

        bool trainable = true, dropout = false;
        foreach (NumberedLayer layer in layers)
        {
            trainable &= layer.Layer is not DenseDeclaration dense || ActivationFacts.IsDifferentiable(dense.Activation);
            dropout |= layer.Dropout is not null;
        }

        if (trainable)
        {
            names.UnionWith(Trainable);
            if (dropout)
            {
                names.Add("SeedDropout");
                names.Add("_dropout");
            }

            if (declaration.Optimizer is OptimizerKind.Momentum or OptimizerKind.Adam)
            {
                names.Add("_m");
            }

            if (declaration.Optimizer is OptimizerKind.RmsProp or OptimizerKind.Adam)
            {
                names.Add("_v");
            }
        }

        if (LossFacts.TakesLogarithm(declaration.Loss))
        {
            names.Add("LogFloor");
        }

        if (declaration.Loss == LossKind.Huber)
        {
            names.Add("HuberTerm");
            names.Add("HuberGradient");
        }

        return names;
    }
}

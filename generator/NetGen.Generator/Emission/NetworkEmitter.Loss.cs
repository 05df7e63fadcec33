using System;
using System.Linq;
using NetGen.Generator.Mathematics;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emission;

internal sealed partial class NetworkEmitter
{
    private void WriteComputeLoss()
    {
        _w.Line("/// <summary>The per-sample loss of math.md: " + LossCode.Formula(_plan.Loss, _plan.HuberDelta) + ".</summary>");
        _w.Line("/// <param name=\"output\">The network's <see cref=\"OutputSize\"/> outputs, as <see cref=\"Forward\"/> computes them.</param>");
        _w.Line("/// <param name=\"target\">The <see cref=\"OutputSize\"/> target values.</param>");
        _w.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length differs from <see cref=\"OutputSize\"/>.</exception>");
        _w.Line(GeneratedCode);
        using (_w.Block("public " + T + " ComputeLoss(" + S.ReadOnlySpan + " output, " + S.ReadOnlySpan + " target)"))
        {
            WriteLengthCheck("output", "OutputSize");
            WriteLengthCheck("target", "OutputSize");
            _w.Line("// " + LossCode.Formula(_plan.Loss, _plan.HuberDelta));
            Vector o = Vector.Span("output"), y = Vector.Span("target");
            Vector r = _plan.Output.IsWrittenOut ? Vector.Locals("r", string.Empty) : Vector.Span("r");
            WriteResiduals(o, y, r, _plan.Output);
            WriteElementSum("loss", _plan.Output, at => LossCode.Term(_plan.Loss, at(o), at(y), at(r), S));
            _w.Line("return loss;");
        }

        _w.Line();
    }

    /// <summary>Writes <c>L</c> inside Backward/TrainStep, from the pre-activation for matching pairs.</summary>
    private void WriteBackwardLoss()
    {
        LayerPlan output = _plan.Output;
        int l = output.Number;
        Vector a = A(l), o = O(l), y = Y, r = R(l);
        WriteResiduals(o, y, r, output);
        if (_plan.LossFromPreActivation)
        {
            _w.Line("// " + LossCode.Formula(_plan.Loss, _plan.HuberDelta) + ", " + LossCode.MatchingFormula(output.Activation, _plan.Loss));
            string logSumExp = "lse" + l;
            if (output.Activation == ActivationKind.Softmax)
            {
                _w.Line(T + " " + logSumExp + " = max" + l + " + " + S.Math + ".Log(sum" + l + ");");
            }

            WriteElementSum("loss", output, at => LossCode.MatchingTerm(output.Activation, _plan.Loss, at(a), at(o), at(y), logSumExp, S));
        }
        else
        {
            _w.Line("// " + LossCode.Formula(_plan.Loss, _plan.HuberDelta));
            WriteElementSum("loss", output, at => LossCode.Term(_plan.Loss, at(o), at(y), at(r), S));
        }

        _w.Line();
    }

    /// <summary>rˡ = oˡ − y: the residual of each output, once, for the losses that are functions of it.</summary>
    private Vector R(int l) => Own("r", l);

    /// <summary>Declares the residuals <paramref name="r"/> = <paramref name="o"/> − <paramref name="y"/> when the loss uses them.</summary>
    private void WriteResiduals(Vector o, Vector y, Vector r, LayerPlan output)
    {
        if (!LossFacts.UsesResidual(_plan.Loss))
        {
            return;
        }

        _w.Line("// r = o − y");
        DeclareIfSpan(r, output);
        ForEachUnit(output, at => _w.Line(Declare(r, at) + " = " + at(o) + " - " + at(y) + ";"));
        _w.Line();
    }

    /// <summary>
    /// Declares <paramref name="name"/> as the sum of a term over the layer's units: written out when
    /// the layer is, a loop otherwise. The term receives the accessor of element i of any vector.
    /// </summary>
    private void WriteElementSum(string name, LayerPlan layer, Func<Func<Vector, string>, string> term)
    {
        if (layer.IsWrittenOut)
        {
            WriteSum(T + " " + name, Enumerable.Range(0, layer.Units).Select(i => term(v => v[i])));
            return;
        }

        _w.Line(T + " " + name + " = " + S.Zero + ";");
        using (_w.Block("for (int i = 0; i < " + SizeName(layer) + "; i++)"))
        {
            _w.Line(name + " += " + term(v => v.IsLocals ? throw new InvalidOperationException("Loop over locals.") : v["i"]) + ";");
        }

        _w.Line();
    }

    private void WriteLossHelpers()
    {
        if (LossFacts.TakesLogarithm(_plan.Loss))
        {
            _w.Line("/// <summary>The floor of every ln: the smallest normal " + T + ", so a saturated output gives a large, finite loss, never ∞ or NaN.</summary>");
            _w.Line("private const " + T + " LogFloor = " + S.SmallestNormal + ";");
            _w.Line();
        }

        if (_plan.Loss == LossKind.Huber)
        {
            string d = S.Literal(_plan.HuberDelta);
            _w.Line("/// <summary>One element of the Huber loss: ½r² if |r| ≤ δₕ else δₕ(|r| − ½δₕ), with δₕ = " + d + ".</summary>");
            _w.Line(GeneratedCode);
            _w.Line("private static " + T + " HuberTerm(" + T + " r) => " + S.Math + ".Abs(r) <= " + d + " ? " + S.Half + " * r * r : "
                + d + " * (" + S.Math + ".Abs(r) - " + S.Half + " * " + d + ");");
            _w.Line();
            _w.Line("/// <summary>∂/∂r of <see cref=\"HuberTerm\"/>: r if |r| ≤ δₕ else δₕ·sign(r).</summary>");
            _w.Line(GeneratedCode);
            _w.Line("private static " + T + " HuberGradient(" + T + " r) => " + S.Math + ".Abs(r) <= " + d + " ? r : r > " + S.Zero + " ? " + d + " : -" + d + ";");
            _w.Line();
        }
    }
}

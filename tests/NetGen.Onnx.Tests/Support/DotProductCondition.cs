using System;
using System.Numerics;

namespace NetGen.Onnx.Tests.Support;

/// <summary>
/// How large the sums of the last layer are, independently of the code under test: a reference forward pass in
/// double (math.md's equations for Dense and Maxout layers) that returns κᵢ = Σⱼ |Wᵢⱼ oⱼ| + |bᵢ| for each output
/// unit i (Maxout: the largest over its pieces). Any float implementation of aᵢ carries an absolute error of a few
/// ε·κᵢ, whatever order it sums in.
/// </summary>
public static class DotProductCondition
{
    public static double[] OfLastLayer<TNet, T>(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[] o = new double[input.Length];
        for (int j = 0; j < o.Length; j++)
        {
            o[j] = double.CreateChecked(input[j]);
        }

        int offset = 0;
        double[] kappa = Array.Empty<double>();
        foreach (LayerDescription layer in TNet.Layers)
        {
            var a = new double[layer.Rows];
            kappa = new double[layer.Rows];
            for (int i = 0; i < layer.Rows; i++)
            {
                double b = double.CreateChecked(parameters[offset + layer.WeightCount + i]);
                a[i] = b;
                kappa[i] = Math.Abs(b);
                for (int j = 0; j < layer.Inputs; j++)
                {
                    double term = double.CreateChecked(parameters[offset + i * layer.Inputs + j]) * o[j];
                    a[i] += term;
                    kappa[i] += Math.Abs(term);
                }
            }

            if (layer.Kind == LayerKind.Maxout)
            {
                (o, kappa) = MaxOverPieces(layer, a, kappa);
            }
            else
            {
                o = Apply(layer, a);
            }

            offset += layer.ParameterCount;
        }

        return kappa;
    }

    private static (double[], double[]) MaxOverPieces(LayerDescription layer, double[] z, double[] kappa)
    {
        var o = new double[layer.Units];
        var k = new double[layer.Units];
        for (int i = 0; i < layer.Units; i++)
        {
            o[i] = double.NegativeInfinity;
            for (int j = 0; j < layer.Pieces; j++)
            {
                o[i] = Math.Max(o[i], z[i * layer.Pieces + j]);
                k[i] = Math.Max(k[i], kappa[i * layer.Pieces + j]);
            }
        }

        return (o, k);
    }

    private static double[] Apply(LayerDescription layer, double[] a)
    {
        var o = new double[a.Length];
        double max = double.NegativeInfinity;
        foreach (double x in a)
        {
            max = Math.Max(max, x);
        }

        double sum = 0;
        foreach (double x in a)
        {
            sum += Math.Exp(x - max);
        }

        for (int i = 0; i < a.Length; i++)
        {
            double x = a[i];
            o[i] = layer.Activation switch
            {
                Activation.Linear => x,
                Activation.Sigmoid => 1 / (1 + Math.Exp(-x)),
                Activation.Tanh => Math.Tanh(x),
                Activation.ReLU => Math.Max(0, x),
                Activation.LeakyReLU => x > 0 ? x : layer.Alpha * x,
                Activation.ELU => x > 0 ? x : layer.Alpha * (Math.Exp(x) - 1),
                Activation.Softplus => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x))),
                Activation.Exponential => Math.Exp(x),
                Activation.Softmax => Math.Exp(x - max) / sum,
                _ => x > 0 ? 1 : 0,
            };
        }

        return o;
    }
}

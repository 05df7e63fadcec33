#pragma warning disable NG0025 // deliberately wrong lengths: these tests check the run-time length checks
using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using NetGen.Tests.Networks;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.Reliability;

/// <summary>
/// Every span-taking member of generated networks (written out, on the kernels, mixed, double, with dropout) given every
/// span argument at each wrong length — 0, n − 1, n + 1 and 2³⁰ (over memory that must not be touched) — throws an
/// <see cref="ArgumentException"/> naming that parameter and its length, and changes nothing: parameters bit for bit, the
/// other buffers, and the optimizer and dropout state (the next real step equals an untouched twin's).
/// </summary>
public sealed class SpanLengthFuzzTests(ITestOutputHelper output)
{
    private const int Huge = 1 << 30;
    private const int BatchSamples = 3;

    [Fact]
    public void Written_out_float_network() => Fuzz<XorNet, float>();

    [Fact]
    public void Kernel_float_network() => Fuzz<AdamWide, float>();

    [Fact]
    public void Mixed_float_network() => Fuzz<SgdMixed, float>();

    [Fact]
    public void Kernel_double_network() => Fuzz<WideReluDoubleNet, double>();

    [Fact]
    public void Dropout_double_network() => Fuzz<WideDropoutNet, double>();

    [Fact]
    public void One_input_three_outputs() => Fuzz<OneToThreeNet, float>();

    private static int[] Wrong(int n) => new[] { 0, n - 1, n + 1, Huge }.Where(l => l != n && l >= 0).Distinct().ToArray();

    private static T[] Sentinel<T>(int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[length];
        values.AsSpan().Fill(T.CreateChecked(0.25));
        return values;
    }

    private static ReadOnlySpan<T> In<T>(T[] regular, int length)
        where T : unmanaged => length == Huge ? UntouchableMemory.ReadOnly<T>(length) : regular.AsSpan(0, length);

    private static Span<T> Out<T>(T[] regular, int length)
        where T : unmanaged => length == Huge ? UntouchableMemory.Writable<T>(length) : regular.AsSpan(0, length);

    private void Fuzz<TNet, T>()
        where TNet : ITrainableNetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var network = new TNet();
        var twin = new TNet();
        network.SeedDropout(5);
        twin.SeedDropout(5);
        int n = TNet.InputSize, m = TNet.OutputSize, p = TNet.ParameterCount;
        T[] before = Parameters<TNet, T>(network);

        // Buffers big enough for every regular length used below, filled with a sentinel that must survive.
        int longest = BatchSamples * Math.Max(Math.Max(n, m), p) + 1;
        T[] a = Sentinel<T>(longest), b = Sentinel<T>(longest), c = Sentinel<T>(longest);
        var cases = new List<(string Member, int Length, string[] Names, Action Call)>();
        foreach (int l in Wrong(n))
        {
            cases.Add(("Forward", l, new[] { "input" }, () => network.Forward(In(a, l), Out(b, m))));
            cases.Add(("Backward", l, new[] { "input" }, () => network.Backward(In(a, l), In(b, m), Out(c, p))));
            cases.Add(("TrainStep", l, new[] { "input" }, () => network.TrainStep(In(a, l), In(b, m))));
        }

        foreach (int l in Wrong(m))
        {
            cases.Add(("Forward", l, new[] { "output" }, () => network.Forward(In(a, n), Out(b, l))));
            cases.Add(("ComputeLoss", l, new[] { "output" }, () => network.ComputeLoss(In(a, l), In(b, m))));
            cases.Add(("ComputeLoss", l, new[] { "target" }, () => network.ComputeLoss(In(a, m), In(b, l))));
            cases.Add(("Backward", l, new[] { "target" }, () => network.Backward(In(a, n), In(b, l), Out(c, p))));
            cases.Add(("TrainStep", l, new[] { "target" }, () => network.TrainStep(In(a, n), In(b, l))));
        }

        foreach (int l in Wrong(p))
        {
            cases.Add(("Backward", l, new[] { "gradient" }, () => network.Backward(In(a, n), In(b, m), Out(c, l))));
            cases.Add(("BackwardBatch", l, new[] { "gradient" }, () => network.BackwardBatch(In(a, BatchSamples * n), In(b, BatchSamples * m), Out(c, l))));
            cases.Add(("ApplyGradients", l, new[] { "gradient" }, () => network.ApplyGradients(In(a, l), 1)));
            cases.Add(("GetParameters", l, new[] { "destination" }, () => network.GetParameters(Out(a, l))));
            cases.Add(("SetParameters", l, new[] { "source" }, () => network.SetParameters(In(a, l))));
        }

        // A batch's inputs at a wrong length are either not whole samples (inputs) or not as many samples as the targets (targets).
        foreach (int l in Wrong(BatchSamples * n))
        {
            cases.Add(("BackwardBatch", l, new[] { "inputs", "targets" }, () => network.BackwardBatch(In(a, l), In(b, BatchSamples * m), Out(c, p))));
        }

        foreach (int l in Wrong(BatchSamples * m))
        {
            cases.Add(("BackwardBatch", l, new[] { "targets" }, () => network.BackwardBatch(In(a, BatchSamples * n), In(b, l), Out(c, p))));
        }

        var failures = new List<string>();
        foreach ((string member, int length, string[] names, Action call) in cases)
        {
            string label = $"{member}({string.Join("/", names)} of {length})";
            try
            {
                call();
                failures.Add(label + ": no exception");
            }
            catch (ArgumentException e) when (e.GetType() == typeof(ArgumentException))
            {
                if (!names.Contains(e.ParamName))
                {
                    failures.Add($"{label}: names '{e.ParamName}'");
                }
                else if (e.ParamName == names[0] && !e.Message.Contains($"holds {length}", StringComparison.Ordinal))
                {
                    failures.Add($"{label}: the message does not give the length: {e.Message}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{label}: {e.GetType().Name}: {e.Message}");
            }

            if (!Parameters<TNet, T>(network).SequenceEqual(before))
            {
                failures.Add(label + ": changed the parameters");
                network.SetParameters(before);
            }

            if (new[] { a, b, c }.Any(buffer => buffer.Any(v => v != T.CreateChecked(0.25))))
            {
                failures.Add(label + ": wrote into a buffer");
                foreach (T[] buffer in new[] { a, b, c })
                {
                    buffer.AsSpan().Fill(T.CreateChecked(0.25));
                }
            }
        }

        // Optimizer moments, step count and dropout sequence untouched: the next real steps equal the twin's, bit for bit.
        T[] input = Sentinel<T>(n), target = new T[m];
        target[0] = T.One;
        for (int step = 0; step < 2; step++)
        {
            Assert.Equal(twin.TrainStep(input, target), network.TrainStep(input, target));
        }

        Assert.Equal(Parameters<TNet, T>(twin), Parameters<TNet, T>(network));
        output.WriteLine($"{typeof(TNet).Name}: {cases.Count} wrong-length calls, {cases.Count - failures.Count} refused cleanly");
        Assert.Empty(failures);
    }

    private static T[] Parameters<TNet, T>(TNet network)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[TNet.ParameterCount];
        network.GetParameters(values);
        return values;
    }
}

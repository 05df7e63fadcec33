using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using NetGen.Onnx.Tests.Export;
using NetGen.Onnx.Tests.Networks;
using NetGen.Onnx.Tests.Support;
using Xunit;

namespace NetGen.Onnx.Tests.Import;

/// <summary>Export → import gives back every parameter bit for bit, for every test network, through files and streams.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("netgen-onnx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Networks => new(Types().Select(Name));

    [Theory]
    [MemberData(nameof(Networks))]
    public void Export_then_import_restores_every_parameter(string network)
    {
        Type type = Types().Single(t => Name(t) == network);
        Type scalar = type.GetInterfaces().Any(i => i == typeof(INetwork<double>)) ? typeof(double) : typeof(float);
        typeof(RoundTripTests).GetMethod(nameof(RoundTrip), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type, scalar).Invoke(null, null);
    }

    [Fact]
    public void The_generated_SaveOnnx_and_LoadOnnx_round_trip_through_a_file_and_a_stream()
    {
        string path = Path.Combine(_folder, "digits.onnx");
        var trained = new WideReLUFloat();
        TestParameters.Randomize<WideReLUFloat, float>(trained, 21);
        trained.SaveOnnx(path);
        var fromFile = new WideReLUFloat();
        IReadOnlyDictionary<string, string> metadata = fromFile.LoadOnnx(path);

        using var stream = new MemoryStream();
        trained.SaveOnnx(stream);
        stream.Position = 0;
        var fromStream = new WideReLUFloat();
        fromStream.LoadOnnx(stream);

        float[] expected = TestParameters.Of<WideReLUFloat, float>(trained);
        Assert.Equal(expected, TestParameters.Of<WideReLUFloat, float>(fromFile));
        Assert.Equal(expected, TestParameters.Of<WideReLUFloat, float>(fromStream));
        Assert.Equal("input 64 → Dense 32 (ReLU) → Dense 10 (ReLU); loss: MeanSquaredError; float.", metadata["netgen.architecture"]);
        Assert.Equal("MeanSquaredError", metadata["netgen.loss"]);
        Assert.Equal(new[] { "digits.onnx" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Saving_over_an_existing_file_replaces_it_whole_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(_folder, "model.onnx");
        File.WriteAllText(path, "an older file");
        var network = new MixedNet();

        network.SaveOnnx(path);

        Assert.Equal(RuntimeComparison.Export<MixedNet, float>(network), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_network_with_non_finite_parameters_is_not_exported_and_the_old_file_stays()
    {
        string path = Path.Combine(_folder, "model.onnx");
        File.WriteAllText(path, "an older file");
        var network = new SmallTanhFloat();
        float[] parameters = TestParameters.Of<SmallTanhFloat, float>(network);
        parameters[5] = float.NaN;
        network.SetParameters(parameters);

        var error = Assert.Throws<InvalidOperationException>(() => network.SaveOnnx(path));

        Assert.Contains("layers.0.weight", error.Message, StringComparison.Ordinal);
        Assert.Equal("an older file", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_double_file_loads_into_the_float_twin_rounded_to_nearest()
    {
        var network = new WideTanhDouble();
        TestParameters.Randomize<WideTanhDouble, double>(network, 4);
        var twin = new WideTanhFloat();

        twin.LoadOnnx(new MemoryStream(RuntimeComparison.Export<WideTanhDouble, double>(network)));

        Assert.Equal(Array.ConvertAll(TestParameters.Of<WideTanhDouble, double>(network), x => (float)x), TestParameters.Of<WideTanhFloat, float>(twin));
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read_to_its_end()
    {
        var network = new SmallSoftmaxFloat();
        TestParameters.Randomize<SmallSoftmaxFloat, float>(network, 6);
        var copy = new SmallSoftmaxFloat();

        copy.LoadOnnx(new ForwardOnlyStream(RuntimeComparison.Export<SmallSoftmaxFloat, float>(network)));

        Assert.Equal(TestParameters.Of<SmallSoftmaxFloat, float>(network), TestParameters.Of<SmallSoftmaxFloat, float>(copy));
    }

    private static void RoundTrip<TNet, T>()
        where TNet : INetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var original = new TNet();
        TestParameters.Randomize<TNet, T>(original, 17);
        var copy = new TNet();
        copy.InitializeParameters(99);

        OnnxModel.Load<TNet, T>(copy, new MemoryStream(RuntimeComparison.Export<TNet, T>(original)));

        T[] expected = TestParameters.Of<TNet, T>(original);
        T[] actual = TestParameters.Of<TNet, T>(copy);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i].Equals(actual[i]), $"{typeof(TNet).Name} parameter {i}: {expected[i]} became {actual[i]}.");
        }
    }

    private static IEnumerable<Type> Types() =>
        typeof(SmallLinearFloat).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(SmallLinearFloat).Namespace && !t.IsAbstract && !t.IsGenericTypeDefinition
                && t.GetInterfaces().Any(i => i == typeof(INetwork<float>) || i == typeof(INetwork<double>)))
            .Concat(new[] { typeof(MaxoutHiddenNet<float>), typeof(MaxoutHiddenNet<double>), typeof(MaxoutOutputNet<float>), typeof(MaxoutOutputNet<double>) })
            .OrderBy(Name, StringComparer.Ordinal);

    private static string Name(Type type) =>
        type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] + "<" + type.GetGenericArguments()[0].Name + ">" : type.Name;

    /// <summary>A stream over bytes that can only be read forward, as a network stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}

using System;
using System.IO;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>The generated SaveWeights/LoadWeights round-trip a generated network through a safetensors file.</summary>
public sealed class WeightFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "netgen-" + Guid.NewGuid().ToString("N") + ".safetensors");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void A_trained_network_saved_and_loaded_into_a_fresh_one_predicts_the_same()
    {
        var trained = new IrisNet();
        trained.InitializeParameters(5);
        trained.SaveWeights(_path);
        var fresh = new IrisNet();

        fresh.LoadWeights(_path);

        float[] input = { 0.1f, -1.2f, 0.7f, 2f };
        var a = new float[3];
        var b = new float[3];
        trained.Forward(input, a);
        fresh.Forward(input, b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_file_of_another_network_is_refused_and_leaves_the_parameters_unchanged()
    {
        new SheetNet().SaveWeights(_path);
        var network = new IrisNet();
        var before = new float[IrisNet.ParameterCount];
        network.GetParameters(before);

        var error = Assert.ThrowsAny<Exception>(() => network.LoadWeights(_path));

        Assert.Contains("layers.0.weight", error.Message);
        var after = new float[IrisNet.ParameterCount];
        network.GetParameters(after);
        Assert.Equal(before, after);
    }
}

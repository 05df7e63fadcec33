using System;
using System.Numerics;
using Xunit;

namespace NetGen.Onnx.Tests.Support;

/// <summary>Assertions shared by the import tests.</summary>
public static class Expect
{
    /// <summary>
    /// Loading <paramref name="file"/> throws <see cref="OnnxFormatException"/> whose message contains every one of
    /// <paramref name="fragments"/>, and leaves every parameter of <paramref name="network"/> as it was, bit for bit.
    /// </summary>
    public static OnnxFormatException Rejected<TNet, T>(TNet network, byte[] file, params string[] fragments)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] before = TestParameters.Of<TNet, T>(network);
        var error = Assert.Throws<OnnxFormatException>(() => OnnxModel.Load<TNet, T>(network, new System.IO.MemoryStream(file)));
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }

        Unchanged<TNet, T>(network, before);
        return error;
    }

    /// <summary>Every parameter equals <paramref name="before"/> bit for bit.</summary>
    public static void Unchanged<TNet, T>(TNet network, T[] before)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] after = TestParameters.Of<TNet, T>(network);
        for (int i = 0; i < before.Length; i++)
        {
            Assert.True(before[i].Equals(after[i]), $"Parameter {i} changed from {before[i]} to {after[i]}.");
        }
    }
}

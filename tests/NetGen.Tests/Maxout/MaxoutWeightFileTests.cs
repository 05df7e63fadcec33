using System;
using System.IO;
using System.Linq;
using NetGen.Serialization;
using Xunit;

namespace NetGen.Tests.Maxout;

/// <summary>A Maxout layer in a weight file: <c>layers.k.weight</c> [units·pieces, in] and <c>.bias</c> [units·pieces], as torch.nn.Linear stores it.</summary>
public sealed class MaxoutWeightFileTests
{
    [Fact]
    public void Saves_the_pieces_as_rows_and_loads_them_back_bit_for_bit()
    {
        string path = Path.Combine(Path.GetTempPath(), "netgen-maxout-" + Guid.NewGuid().ToString("N") + ".safetensors");
        try
        {
            var saved = new RmsPropMaxoutMixedDropout(); // 3 → Maxout 16×3 → Dense 2
            saved.InitializeParameters(5);
            saved.SaveWeights(path);

            // The header as PyTorch reads it: layer 0 is a Linear(3, 48).
            string header = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path), 8, (int)BitConverter.ToInt64(File.ReadAllBytes(path), 0));
            Assert.Contains("\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[48,3]", header.Replace(" ", string.Empty), StringComparison.Ordinal);
            Assert.Contains("\"layers.0.bias\":{\"dtype\":\"F32\",\"shape\":[48]", header.Replace(" ", string.Empty), StringComparison.Ordinal);
            Assert.Contains("\"layers.1.weight\":{\"dtype\":\"F32\",\"shape\":[2,16]", header.Replace(" ", string.Empty), StringComparison.Ordinal);

            var loaded = new RmsPropMaxoutMixedDropout();
            loaded.LoadWeights(path);
            var a = new float[RmsPropMaxoutMixedDropout.ParameterCount];
            var b = new float[RmsPropMaxoutMixedDropout.ParameterCount];
            saved.GetParameters(a);
            loaded.GetParameters(b);
            Assert.Equal(a, b);
            Assert.Equal(48 * 3 + 48 + 2 * 16 + 2, a.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

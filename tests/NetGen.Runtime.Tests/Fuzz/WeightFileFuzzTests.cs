using System;
using System.IO;
using System.Linq;
using NetGen.Runtime.Tests.Networks;
using NetGen.Serialization;
using NetGen.Runtime.Tests.Reliability;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Runtime.Tests.Fuzz;

/// <summary>
/// Every corrupted weight file of <see cref="WeightFileCorpus"/>, loaded from a path and from an unseekable stream, is
/// rejected with <see cref="WeightFileException"/> and leaves the network's parameters bit for bit as they were.
/// </summary>
public sealed class WeightFileFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryFolder _temporary = new("netgen-fuzz");

    public void Dispose() => _temporary.Dispose();

    private static uint[] Bits(SmallNet<float> network)
    {
        var p = new float[17];
        network.GetParameters(p);
        return p.Select(BitConverter.SingleToUInt32Bits).ToArray();
    }

    [Fact]
    public void The_valid_file_itself_loads()
    {
        var network = new SmallNet<float>();
        SafeTensors.Load<SmallNet<float>, float>(network, new MemoryStream(WeightFileCorpus.Valid()));

        var expected = new SmallNet<float>();
        expected.InitializeParameters(3);
        Assert.Equal(Bits(expected), Bits(network));
    }

    [Fact]
    public void Every_corrupted_file_is_rejected_cleanly_and_changes_no_parameter()
    {
        var network = new SmallNet<float>();
        network.InitializeParameters(11);
        uint[] before = Bits(network);
        int tried = 0, rejected = 0, changed = 0;
        var failures = new System.Collections.Generic.List<string>();

        void Check(string name, Action load, string? expectedFileName)
        {
            tried++;
            try
            {
                load();
                failures.Add($"{name}: accepted");
            }
            catch (WeightFileException e) when (expectedFileName is null || e.FileName == expectedFileName)
            {
                rejected++;
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }

            if (!Bits(network).SequenceEqual(before))
            {
                changed++;
                failures.Add($"{name}: parameters changed");
                network.InitializeParameters(11);
            }
        }

        int files = 0;
        foreach ((string name, byte[] bytes) in WeightFileCorpus.All())
        {
            string path = Path.Combine(_temporary.Path, $"case{files++}.safetensors");
            File.WriteAllBytes(path, bytes);
            Check(name + " (file)", () => SafeTensors.Load<SmallNet<float>, float>(network, path), Path.GetFileName(path));
            Check(name + " (unseekable stream)", () => SafeTensors.Load<SmallNet<float>, float>(network, new UnseekableStream(bytes)), null);
        }

        files += 2;
        Check("a directory", () => SafeTensors.Load<SmallNet<float>, float>(network, _temporary.Path), Path.GetFileName(_temporary.Path));
        string missing = Path.Combine(_temporary.Path, "missing.safetensors");
        Check("a missing file", () => SafeTensors.Load<SmallNet<float>, float>(network, missing), "missing.safetensors");

        output.WriteLine($"{files} corrupted files, {tried} loads tried, {rejected} rejected with WeightFileException, {changed} changed a parameter");
        Assert.True(files >= 150, $"only {files} corrupted files");
        Assert.Empty(failures);
        Assert.Equal(tried, rejected);
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.Onnx.Tests.Export;
using NetGen.Onnx.Tests.Networks;
using NetGen.Onnx.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static NetGen.Onnx.Tests.Support.OnnxFileBuilder;

namespace NetGen.Onnx.Tests.Import;

/// <summary>
/// The protobuf reader under bad input: bad lengths, truncation, varint overflow, huge declared sizes and a seeded
/// corpus of corrupted files. Every rejection is an <see cref="OnnxFormatException"/> (never another exception, never
/// an allocation beyond the file's size) and leaves the network bit for bit as it was.
/// </summary>
public sealed class CorruptFileTests(ITestOutputHelper output)
{
    /// <summary>Bytes a load may allocate for a file of a few hundred bytes, whatever sizes it declares.</summary>
    private const long SmallFileAllocationLimit = 256 * 1024;

    [Fact]
    public void An_empty_file() => Reject(Array.Empty<byte>(), "The file is empty");

    [Fact]
    public void A_varint_longer_than_ten_bytes() =>
        Reject(new byte[] { 0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 }, "the varint starting at byte 1 overflows 64 bits");

    [Fact]
    public void A_varint_that_overflows_64_bits() =>
        Reject(new byte[] { 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02 }, "overflows 64 bits");

    [Fact]
    public void A_varint_cut_off_by_the_end_of_the_file() => Reject(new byte[] { 0x08, 0x80, 0x80 }, "runs past the end");

    [Fact]
    public void A_message_that_declares_far_more_bytes_than_the_file_has() =>
        Reject(new ProtoBuilder().Varint(1, 7).ToArray().Concat(new byte[] { 0x3A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x3F, 0x00 }).ToArray(),
            "graph at byte 3 declares 36028797018963967 bytes, but only 1 are left in the message");

    [Fact]
    public void A_tensor_that_declares_a_huge_shape() =>
        Reject(Model(Tensor("0.weight", new long[] { 1L << 40, 1L << 40 }, new double[4], Storage.RawFloat)), "has shape [1099511627776, 1099511627776], more elements than a file can hold");

    [Fact]
    public void A_tensor_with_a_negative_dimension() =>
        Reject(Model(Tensor("0.weight", new long[] { 4, -3 }, new double[4], Storage.RawFloat)), "negative dimension in its shape [4, -3]");

    [Fact]
    public void A_tensor_whose_data_is_shorter_than_its_shape()
    {
        // 3 → 4 → 3 with layer 0's weight declared [4, 3] but holding 11 values.
        byte[] file = SmallLinearFile(w0Values: 11);
        Reject(file, "Tensor '0.weight' has shape [4, 3] (12 values of 4 bytes), but its data holds 44 bytes");
    }

    [Fact]
    public void A_packed_float_run_of_a_partial_value() =>
        Reject(Model(new ProtoBuilder().Varint(1, 1).Varint(2, 1).Bytes(4, new byte[] { 1, 2, 3 }).String(8, "w")), "holds 3 bytes, not a whole number of 4-byte values");

    [Fact]
    public void A_group_wire_type() => Reject(new byte[] { 0x0B, 0x0C }, "wire type 3");

    [Fact]
    public void Field_number_zero() => Reject(new byte[] { 0x00, 0x01 }, "names field 0");

    [Fact]
    public void A_string_that_is_not_utf8() =>
        Reject(new ProtoBuilder().Varint(1, 7).Bytes(2, new byte[] { 0xC3, 0x28 }).ToArray(), "producer_name is not valid UTF-8");

    [Fact]
    public void A_field_with_the_wrong_wire_type() =>
        Reject(new ProtoBuilder().String(1, "seven").ToArray(), "ir_version (field 1) has wire type 2");

    [Fact]
    public void Weights_in_an_external_file()
    {
        var tensor = new ProtoBuilder().Varint(1, 4).Varint(1, 3).Varint(2, 1).String(8, "0.weight")
            .Message(13, new ProtoBuilder().String(1, "location").String(2, "weights.bin")).Varint(14, 1);
        byte[] file = TwoGemms(weight0: null);
        Reject(InsertInitializer(file, tensor), "Tensor '0.weight' keeps its data in an external file");
    }

    [Fact]
    public void A_file_that_is_not_onnx_at_all() => Reject(Encoding.UTF8.GetBytes("{\"layers.0.weight\": {\"dtype\": \"F32\"}}"), "not a valid ONNX model");

    [Fact]
    public void Every_truncation_of_a_torch_layout_file_is_refused()
    {
        // torch.onnx.export writes opset_import after the graph, so every proper prefix lacks the graph's end or the opset.
        byte[] file = TorchSequential.Build(3, new[] { (4, new TorchActivation("Tanh")), (3, new TorchActivation(null)) }, LinearForm.Gemm).File;
        for (int length = 0; length < file.Length; length++)
        {
            Reject(file[..length]);
        }

        output.WriteLine($"{file.Length} truncations of a {file.Length}-byte file refused");
    }

    [Fact]
    public void Every_truncation_of_a_netgen_export_before_its_metadata_is_refused()
    {
        var source = new MixedNet();
        TestParameters.Randomize<MixedNet, float>(source, 3);
        byte[] file = RuntimeComparison.Export<MixedNet, float>(source);
        int metadata = IndexOf(file, Encoding.UTF8.GetBytes("netgen.network")) - 4;
        for (int length = 0; length < metadata; length++)
        {
            Reject(file[..length], network: new MixedNet());
        }

        output.WriteLine($"{metadata} truncations of a {file.Length}-byte file refused");
    }

    [Fact]
    public void A_seeded_corpus_of_corrupted_files_is_refused_cleanly()
    {
        var source = new MixedNet();
        TestParameters.Randomize<MixedNet, float>(source, 3);
        byte[][] originals =
        {
            RuntimeComparison.Export<MixedNet, float>(source),
            TorchSequential.Build(4, new[] { (8, new TorchActivation("Tanh")), (6, new TorchActivation("Relu")), (3, new TorchActivation("Softmax", IntAttribute("axis", 1))) }, LinearForm.MatMulAdd, Storage.TypedFloat).File,
        };
        var random = new Random(20261201);
        int rejected = 0, loaded = 0;
        for (int i = 0; i < 400; i++)
        {
            byte[] original = originals[i % originals.Length];
            byte[] corrupted = Mutate(original, random);
            var network = new MixedNet();
            network.InitializeParameters(i);
            float[] before = TestParameters.Of<MixedNet, float>(network);
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                network.LoadOnnx(new MemoryStream(corrupted));
                loaded++;
            }
            catch (OnnxFormatException)
            {
                Expect.Unchanged<MixedNet, float>(network, before);
                rejected++;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Assert.True(allocated < SmallFileAllocationLimit + 64L * corrupted.Length, $"Mutant {i} of {corrupted.Length} bytes made the load allocate {allocated} bytes.");
        }

        // A flipped byte inside raw weight data is still a valid file with other weights; everything else is refused.
        output.WriteLine($"400 mutants: {rejected} refused with OnnxFormatException, {loaded} still valid ONNX models (loaded)");
        Assert.True(rejected >= 200, $"Only {rejected} of 400 mutants were refused.");
    }

    /// <summary>One seeded corruption: a flipped or overwritten byte, a cut, an insertion, a deletion, an overlong varint or a huge length.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        byte[] bytes = (byte[])original.Clone();
        int at = random.Next(bytes.Length);
        switch (random.Next(7))
        {
            case 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 1:
                bytes[at] = (byte)random.Next(256);
                return bytes;
            case 2:
                return bytes[..at];
            case 3:
                return bytes[..at].Concat(Enumerable.Range(0, 1 + random.Next(8)).Select(_ => (byte)random.Next(256))).Concat(bytes[at..]).ToArray();
            case 4:
                return bytes[..at].Concat(bytes[Math.Min(bytes.Length, at + 1 + random.Next(16))..]).ToArray();
            case 5:
                return bytes[..at].Concat(Enumerable.Repeat((byte)0xFF, 11)).Concat(bytes[at..]).ToArray();
            default:
                return bytes[..at].Concat(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }).Concat(bytes[Math.Min(bytes.Length, at + 1)..]).ToArray();
        }
    }

    private static void Reject(byte[] file, string? fragment = null, SmallLinearFloat? network = null) =>
        Reject<SmallLinearFloat>(file, fragment, network ?? new SmallLinearFloat());

    private static void Reject(byte[] file, MixedNet network) => Reject<MixedNet>(file, null, network);

    private static void Reject<TNet>(byte[] file, string? fragment, TNet network)
        where TNet : INetwork<float>
    {
        TestParameters.Randomize<TNet, float>(network, 1);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        OnnxFormatException error = Expect.Rejected<TNet, float>(network, file, fragment is null ? Array.Empty<string>() : new[] { fragment });
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.True(allocated < SmallFileAllocationLimit + 64L * file.Length, $"Loading {file.Length} bytes allocated {allocated} bytes ({error.Message}).");
    }

    private static byte[] Model(ProtoBuilder initializer)
    {
        var graph = new ProtoBuilder().Message(5, initializer);
        return new ProtoBuilder().Varint(1, 8).Message(7, graph).Message(8, new ProtoBuilder().Varint(2, 17)).ToArray();
    }

    private static byte[] SmallLinearFile(int w0Values) =>
        InsertInitializer(TwoGemms(weight0: null), Tensor("0.weight", new long[] { 4, 3 }, new double[w0Values], Storage.RawFloat));

    /// <summary>Appends one more GraphProto.initializer to the model's graph field (a repeated message field may be split).</summary>
    private static byte[] InsertInitializer(byte[] model, ProtoBuilder tensor) =>
        model.Concat(new ProtoBuilder().Message(7, new ProtoBuilder().Message(5, tensor)).ToArray()).ToArray();

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        throw new InvalidOperationException("Not found.");
    }
}

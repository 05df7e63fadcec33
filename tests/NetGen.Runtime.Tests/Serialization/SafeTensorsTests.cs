using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NetGen.Runtime.Tests.Networks;
using NetGen.Serialization;
using Xunit;

namespace NetGen.Runtime.Tests.Serialization;

public sealed class SafeTensorsTests : IDisposable
{
    // Little-endian IEEE 754 encodings, written out by hand.
    private static readonly byte[] F32One = { 0x00, 0x00, 0x80, 0x3F };          // 1.0f   = 0x3F800000
    private static readonly byte[] F32MinusTwoHalf = { 0x00, 0x00, 0x20, 0xC0 }; // -2.5f  = 0xC0200000
    private static readonly byte[] F32Half = { 0x00, 0x00, 0x00, 0x3F };         // 0.5f   = 0x3F000000
    private static readonly byte[] F32NaN = { 0x00, 0x00, 0xC0, 0x7F };          // NaN    = 0x7FC00000
    private static readonly byte[] F64Tenth = { 0x9A, 0x99, 0x99, 0x99, 0x99, 0x99, 0xB9, 0x3F };  // 0.1 = 0x3FB999999999999A
    private static readonly byte[] F64Two = { 0, 0, 0, 0, 0, 0, 0x00, 0x40 };                       // 2.0 = 0x4000000000000000
    private static readonly byte[] F64MinusThree = { 0, 0, 0, 0, 0, 0, 0x08, 0xC0 };               // -3.0 = 0xC008000000000000
    private static readonly byte[] F64Huge = { 0x9C, 0x75, 0x00, 0x88, 0x3C, 0xE4, 0x37, 0x7E };  // 1e300 = 0x7E37E43C8800759C

    private const string LinearHeaderF32 =
        "{\"__metadata__\":{\"format\":\"pt\"}," +
        "\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]}," +
        "\"layers.0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";

    private static readonly double[] Untouched = { 7, 8, 9 };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "netgen-st-" + Guid.NewGuid().ToString("N"));

    public SafeTensorsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Assembles a safetensors file byte by byte: u64 little-endian header length, header, data.</summary>
    private static byte[] File(string header, params byte[][] data)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        var bytes = new List<byte>();
        ulong n = (ulong)json.Length;
        for (int i = 0; i < 8; i++)
        {
            bytes.Add((byte)(n >> (8 * i)));
        }

        bytes.AddRange(json);
        foreach (byte[] part in data)
        {
            bytes.AddRange(part);
        }

        return bytes.ToArray();
    }

    private static string Header(string weight, string bias) =>
        "{\"layers.0.weight\":" + weight + ",\"layers.0.bias\":" + bias + "}";

    private static LinearModel<double> UntouchedModel()
    {
        var model = new LinearModel<double>();
        model.SetParameters(Untouched);
        return model;
    }

    private static double[] Parameters<TNet, T>(TNet net, int count)
        where TNet : INetwork<T>
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var p = new T[count];
        net.GetParameters(p);
        return p.Select(v => double.CreateChecked(v)).ToArray();
    }

    /// <summary>Loading <paramref name="bytes"/> fails with a message containing every fragment, and the parameters stay 7, 8, 9.</summary>
    private static WeightFileException AssertRejected(byte[] bytes, string? tensor, params string[] fragments)
    {
        LinearModel<double> model = UntouchedModel();
        var e = Assert.Throws<WeightFileException>(() => SafeTensors.Load<LinearModel<double>, double>(model, new MemoryStream(bytes)));
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, e.Message);
        }

        Assert.Equal(tensor, e.TensorName);
        Assert.Equal(Untouched, Parameters<LinearModel<double>, double>(model, 3));
        return e;
    }

    [Fact]
    public void HandWrittenF32FileLoadsIntoADoubleNetwork()
    {
        byte[] bytes = File(LinearHeaderF32, F32One, F32MinusTwoHalf, F32Half);
        var model = new LinearModel<double>();

        IReadOnlyDictionary<string, string> metadata = SafeTensors.Load<LinearModel<double>, double>(model, new MemoryStream(bytes));

        Assert.Equal(new[] { 1.0, -2.5, 0.5 }, Parameters<LinearModel<double>, double>(model, 3));
        Assert.Equal("pt", metadata["format"]);
    }

    [Fact]
    public void HandWrittenF64FileLoadsIntoAFloatNetworkRounded()
    {
        string header = Header(
            "{\"dtype\":\"F64\",\"shape\":[1,2],\"data_offsets\":[0,16]}",
            "{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[16,24]}");
        var model = new LinearModel<float>();

        SafeTensors.Load<LinearModel<float>, float>(model, new MemoryStream(File(header, F64Tenth, F64Two, F64MinusThree)));

        var p = new float[3];
        model.GetParameters(p);
        Assert.Equal(new[] { 0.1f, 2f, -3f }, p);
    }

    [Fact]
    public void TensorsMayBeListedInAnyOrderAndStoredInAnyOrder()
    {
        // bias first in the data section, and first in the JSON
        string header = "{\"layers.0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}," +
                        "\"layers.0.weight\":{\"shape\":[1,2],\"data_offsets\":[4,12],\"dtype\":\"F32\"}}";
        var model = new LinearModel<double>();
        SafeTensors.Load<LinearModel<double>, double>(model, new MemoryStream(File(header, F32Half, F32One, F32MinusTwoHalf)));
        Assert.Equal(new[] { 1.0, -2.5, 0.5 }, Parameters<LinearModel<double>, double>(model, 3));
    }

    [Fact]
    public void WriterProducesTheDocumentedLayout()
    {
        var model = new LinearModel<float>();
        model.SetParameters(new[] { 1f, -2.5f, 0.5f });
        var stream = new MemoryStream();

        SafeTensors.Save<LinearModel<float>, float>(model, stream, metadata: new Dictionary<string, string> { ["source"] = "test" });

        byte[] bytes = stream.ToArray();
        ulong headerLength = 0;
        for (int i = 0; i < 8; i++)
        {
            headerLength |= (ulong)bytes[i] << (8 * i);
        }

        Assert.Equal(0UL, (8 + headerLength) % 8);
        Assert.Equal(8 + (int)headerLength + 12, bytes.Length);
        using JsonDocument json = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        JsonElement root = json.RootElement;
        Assert.Equal("test", root.GetProperty("__metadata__").GetProperty("source").GetString());
        JsonElement weight = root.GetProperty("layers.0.weight");
        Assert.Equal("F32", weight.GetProperty("dtype").GetString());
        Assert.Equal(new[] { 1, 2 }, weight.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(new[] { 0, 8 }, weight.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt32()));
        JsonElement bias = root.GetProperty("layers.0.bias");
        Assert.Equal(new[] { 1 }, bias.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(new[] { 8, 12 }, bias.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(F32One.Concat(F32MinusTwoHalf).Concat(F32Half), bytes.Skip(8 + (int)headerLength));
    }

    [Fact]
    public void TwoLayerShapesAreOutByIn()
    {
        var net = new SmallNet<double>();
        net.InitializeParameters(1);
        var stream = new MemoryStream();
        SafeTensors.Save<SmallNet<double>, double>(net, stream);

        byte[] bytes = stream.ToArray();
        int headerLength = bytes[0] | bytes[1] << 8;
        using JsonDocument json = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        int[] Shape(string name) => json.RootElement.GetProperty(name).GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(new[] { 3, 2 }, Shape("layers.0.weight"));
        Assert.Equal(new[] { 3 }, Shape("layers.0.bias"));
        Assert.Equal(new[] { 2, 3 }, Shape("layers.1.weight"));
        Assert.Equal(new[] { 2 }, Shape("layers.1.bias"));
        Assert.Equal("F64", json.RootElement.GetProperty("layers.1.bias").GetProperty("dtype").GetString());
        // flat order: W1 (6), b1 (3), W2 (6), b2 (2) → layers.1.weight starts after 9 doubles
        Assert.Equal(72, json.RootElement.GetProperty("layers.1.weight").GetProperty("data_offsets")[0].GetInt32());
    }

    [Fact]
    public void FloatRoundTripThroughAFileIsExact()
    {
        var saved = new SmallNet<float>();
        saved.InitializeParameters(11);
        string path = Path.Combine(_folder, "small.safetensors");

        SafeTensors.Save<SmallNet<float>, float>(saved, path);
        var loaded = new SmallNet<float>();
        loaded.InitializeParameters(12);
        SafeTensors.Load<SmallNet<float>, float>(loaded, path);

        var expected = new float[17];
        var actual = new float[17];
        saved.GetParameters(expected);
        loaded.GetParameters(actual);
        Assert.Equal(expected, actual);
        Assert.Equal(new[] { "small.safetensors" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void DoubleRoundTripThroughAFileIsExact()
    {
        var saved = new SmallNet<double>();
        saved.InitializeParameters(21);
        string path = Path.Combine(_folder, "small.safetensors");
        System.IO.File.WriteAllText(path, "an older file to be replaced");

        SafeTensors.Save<SmallNet<double>, double>(saved, path);
        var loaded = new SmallNet<double>();
        SafeTensors.Load<SmallNet<double>, double>(loaded, path);

        Assert.Equal(Parameters<SmallNet<double>, double>(saved, 17), Parameters<SmallNet<double>, double>(loaded, 17));
    }

    [Fact]
    public void FloatFileLoadsIntoDoubleNetworkAndBack()
    {
        var single = new SmallNet<float>();
        single.InitializeParameters(5);
        var stream = new MemoryStream();
        SafeTensors.Save<SmallNet<float>, float>(single, stream);

        var wide = new SmallNet<double>();
        SafeTensors.Load<SmallNet<double>, double>(wide, new MemoryStream(stream.ToArray()));
        Assert.Equal(Parameters<SmallNet<float>, float>(single, 17), Parameters<SmallNet<double>, double>(wide, 17));

        wide.SetParameters(Enumerable.Range(0, 17).Select(i => 0.1 * i).ToArray());
        var f64 = new MemoryStream();
        SafeTensors.Save<SmallNet<double>, double>(wide, f64);
        SafeTensors.Load<SmallNet<float>, float>(single, new MemoryStream(f64.ToArray()));
        var p = new float[17];
        single.GetParameters(p);
        Assert.Equal(Enumerable.Range(0, 17).Select(i => (float)(0.1 * i)), p);
    }

    [Fact]
    public void DoubleNetworkCanBeSavedAsF32()
    {
        var model = new LinearModel<double>();
        model.SetParameters(new[] { 0.1, 2.0, -3.0 });
        var stream = new MemoryStream();
        SafeTensors.Save<LinearModel<double>, double>(model, stream, Dtype.F32);

        byte[] bytes = stream.ToArray();
        Assert.Equal(F32Half.Length * 3, bytes.Length - 8 - (bytes[0] | bytes[1] << 8));
        var back = new LinearModel<double>();
        SafeTensors.Load<LinearModel<double>, double>(back, new MemoryStream(bytes));
        Assert.Equal(new[] { (double)0.1f, 2.0, -3.0 }, Parameters<LinearModel<double>, double>(back, 3));
    }

    [Fact]
    public void FailedSaveLeavesTheExistingFileAndNoTemporaryFile()
    {
        string path = Path.Combine(_folder, "model.safetensors");
        System.IO.File.WriteAllText(path, "previous");
        var model = new LinearModel<double>();
        model.SetParameters(new[] { 1.0, double.NaN, 0 });

        var e = Assert.Throws<InvalidOperationException>(() => SafeTensors.Save<LinearModel<double>, double>(model, path));

        Assert.Contains("Element 1 of tensor 'layers.0.weight' is NaN", e.Message);
        Assert.Equal("previous", System.IO.File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void SavingAValueTooLargeForF32Fails()
    {
        var model = new LinearModel<double>();
        model.SetParameters(new[] { 1.0, 0, 1e300 });
        var e = Assert.Throws<InvalidOperationException>(() => SafeTensors.Save<LinearModel<double>, double>(model, new MemoryStream(), Dtype.F32));
        Assert.Contains("layers.0.bias", e.Message);
    }

    [Fact]
    public void FileShorterThanTheLengthPrefix() =>
        AssertRejected(new byte[] { 1, 2, 3 }, null, "3 bytes long", "8-byte header length");

    [Fact]
    public void TruncatedHeader()
    {
        byte[] whole = File(LinearHeaderF32, F32One, F32MinusTwoHalf, F32Half);
        AssertRejected(whole[..40], null, "header length says", "only 32 bytes follow");
    }

    [Fact]
    public void TruncatedData()
    {
        byte[] whole = File(LinearHeaderF32, F32One, F32MinusTwoHalf, F32Half);
        AssertRejected(whole[..^2], "layers.0.bias", "[8, 12]", "past the end of the 10-byte data section");
    }

    [Fact]
    public void HeaderThatIsNotJson()
    {
        WeightFileException e = AssertRejected(File("{\"layers.0.weight\": {\"dtype\": F32}}"), null, "not valid JSON");
        Assert.NotNull(e.InnerException);
    }

    [Fact]
    public void HeaderThatIsNotAnObject() =>
        AssertRejected(File("[1,2]"), null, "does not start with '{'");

    [Fact]
    public void UnexpectedTensorName()
    {
        string header = "{\"layers.0.weights\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]}," +
                        "\"layers.0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";
        AssertRejected(File(header, F32One, F32MinusTwoHalf, F32Half), "layers.0.weights", "'layers.0.weights'", "LinearModel does not have", "layers.0.weight, layers.0.bias");
    }

    [Fact]
    public void MissingTensor()
    {
        string header = "{\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]}}";
        AssertRejected(File(header, F32One, F32MinusTwoHalf), "layers.0.bias", "Tensor 'layers.0.bias' (shape [1]) is missing");
    }

    [Fact]
    public void WrongShapeNamesTensorAndBothShapes()
    {
        string header = Header(
            "{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[0,8]}",
            "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}");
        AssertRejected(File(header, F32One, F32MinusTwoHalf, F32Half), "layers.0.weight", "'layers.0.weight' has shape [2, 1], but LinearModel needs [1, 2]");
    }

    [Fact]
    public void UnsupportedDtype()
    {
        string header = Header(
            "{\"dtype\":\"I32\",\"shape\":[1,2],\"data_offsets\":[0,8]}",
            "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}");
        AssertRejected(File(header, F32One, F32MinusTwoHalf, F32Half), "layers.0.weight", "dtype 'I32'", "only F32 and F64");
    }

    [Fact]
    public void OffsetsPastTheEnd()
    {
        string header = Header(
            "{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]}",
            "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}");
        AssertRejected(File(header, F32One, F32MinusTwoHalf, F32Half), "layers.0.bias", "[12, 16]", "past the end of the 12-byte data section");
    }

    [Fact]
    public void OffsetsNotMatchingShapeTimesDtype()
    {
        string header = Header(
            "{\"dtype\":\"F64\",\"shape\":[1,2],\"data_offsets\":[0,8]}",
            "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}");
        AssertRejected(File(header, F32One, F32MinusTwoHalf, F32Half), "layers.0.weight", "8 bytes", "F64 needs 16");
    }

    [Fact]
    public void OverlappingTensors()
    {
        string header = Header(
            "{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]}",
            "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}");
        AssertRejected(File(header, F32One, F32MinusTwoHalf), "layers.0.bias", "'layers.0.bias' [4, 8] overlaps tensor 'layers.0.weight' [0, 8]");
    }

    [Fact]
    public void TrailingBytesInTheDataSection() =>
        AssertRejected(File(LinearHeaderF32, F32One, F32MinusTwoHalf, F32Half, F32Half), null, "16 bytes", "trailing bytes");

    [Fact]
    public void NaNValue() =>
        AssertRejected(File(LinearHeaderF32, F32One, F32MinusTwoHalf, F32NaN), "layers.0.bias", "Element 0 of tensor 'layers.0.bias' is NaN");

    [Fact]
    public void DoubleTooLargeForAFloatNetwork()
    {
        string header = Header(
            "{\"dtype\":\"F64\",\"shape\":[1,2],\"data_offsets\":[0,16]}",
            "{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[16,24]}");
        var model = new LinearModel<float>();
        model.SetParameters(new[] { 7f, 8f, 9f });
        var e = Assert.Throws<WeightFileException>(() =>
            SafeTensors.Load<LinearModel<float>, float>(model, new MemoryStream(File(header, F64Two, F64Huge, F64Two))));
        Assert.Equal("Element 1 of tensor 'layers.0.weight' is 1E+300, which is not a finite Single value.", e.Message);
        var p = new float[3];
        model.GetParameters(p);
        Assert.Equal(new[] { 7f, 8f, 9f }, p);
    }

    [Fact]
    public void MetadataValueThatIsNotAString() =>
        AssertRejected(File("{\"__metadata__\":{\"epochs\":3}}"), "__metadata__", "'epochs' must be a string");

    [Fact]
    public void UnknownFieldInATensor()
    {
        string header = Header(
            "{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8],\"stride\":[2,1]}",
            "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}");
        AssertRejected(File(header, F32One, F32MinusTwoHalf, F32Half), "layers.0.weight", "unknown field 'stride'");
    }

    [Fact]
    public void DuplicateTensorName()
    {
        string header = "{\"layers.0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}," +
                        "\"layers.0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        AssertRejected(File(header, F32One, F32Half), "layers.0.bias", "names 'layers.0.bias' twice");
    }

    /// <summary>A stream that can only be read forwards, like a network stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 5));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void LoadsFromAForwardOnlyStream()
    {
        var model = new LinearModel<double>();
        SafeTensors.Load<LinearModel<double>, double>(model, new ForwardOnlyStream(File(LinearHeaderF32, F32One, F32MinusTwoHalf, F32Half)));
        Assert.Equal(new[] { 1.0, -2.5, 0.5 }, Parameters<LinearModel<double>, double>(model, 3));
    }

    [Fact]
    public void TruncatedHeaderOnAForwardOnlyStream()
    {
        byte[] whole = File(LinearHeaderF32, F32One, F32MinusTwoHalf, F32Half);
        LinearModel<double> model = UntouchedModel();
        var e = Assert.Throws<WeightFileException>(() => SafeTensors.Load<LinearModel<double>, double>(model, new ForwardOnlyStream(whole[..40])));
        Assert.Contains("the file ends after 32", e.Message);
        Assert.Equal(Untouched, Parameters<LinearModel<double>, double>(model, 3));
    }

    [Fact]
    public void SavingIntoAMissingFolderFailsWithTheIoError()
    {
        var model = new LinearModel<double>();
        Assert.Throws<DirectoryNotFoundException>(() =>
            SafeTensors.Save<LinearModel<double>, double>(model, Path.Combine(_folder, "missing", "m.safetensors")));
    }

    [Fact]
    public void FileNameAppearsInErrorsFromAPath()
    {
        string path = Path.Combine(_folder, "broken.safetensors");
        System.IO.File.WriteAllBytes(path, File("{oops}"));
        LinearModel<double> model = UntouchedModel();

        var e = Assert.Throws<WeightFileException>(() => SafeTensors.Load<LinearModel<double>, double>(model, path));

        Assert.Equal("broken.safetensors", e.FileName);
        Assert.StartsWith("broken.safetensors: ", e.Message);
    }
}

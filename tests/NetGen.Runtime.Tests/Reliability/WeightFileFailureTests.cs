using System;
using System.IO;
using NetGen.Runtime.Tests.Networks;
using NetGen.Serialization;
using Xunit;

namespace NetGen.Runtime.Tests.Reliability;

/// <summary>The cases of issue 11 for weight files: every failure is a <see cref="WeightFileException"/> and the parameters stay as they were.</summary>
public sealed class WeightFileFailureTests : IDisposable
{
    private static readonly double[] Before = { 7, 8, 9 };

    private readonly TemporaryFolder _temporary = new("netgen-wf");

    public void Dispose() => _temporary.Dispose();

    private static LinearModel<double> Model()
    {
        var model = new LinearModel<double>();
        model.SetParameters(Before);
        return model;
    }

    private static void AssertUnchanged(LinearModel<double> model)
    {
        var after = new double[3];
        model.GetParameters(after);
        Assert.Equal(Before, after);
    }

    private string ValidFile()
    {
        var source = new LinearModel<double>();
        source.SetParameters(new double[] { 1, 2, 3 });
        string path = Path.Combine(_temporary.Path, "valid.safetensors");
        SafeTensors.Save<LinearModel<double>, double>(source, path);
        return path;
    }

    [Fact]
    public void Loading_a_directory_throws_WeightFileException_naming_it()
    {
        LinearModel<double> model = Model();

        var e = Assert.Throws<WeightFileException>(() => SafeTensors.Load<LinearModel<double>, double>(model, _temporary.Path));

        Assert.Contains(Path.GetFileName(_temporary.Path), e.Message);
        Assert.Contains("directory", e.Message);
        AssertUnchanged(model);
    }

    [Fact]
    public void Loading_a_missing_file_throws_WeightFileException_naming_it()
    {
        LinearModel<double> model = Model();
        string path = Path.Combine(_temporary.Path, "absent.safetensors");

        var e = Assert.Throws<WeightFileException>(() => SafeTensors.Load<LinearModel<double>, double>(model, path));

        Assert.Contains("absent.safetensors", e.Message);
        Assert.IsAssignableFrom<FileNotFoundException>(e.InnerException);
        AssertUnchanged(model);
    }

    [Fact]
    public void Gigabytes_of_trailing_bytes_are_refused_without_reading_them()
    {
        string path = ValidFile();
        long valid = new FileInfo(path).Length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(valid + 3L * 1024 * 1024 * 1024); // sparse: 3 GiB of zeros that take no disk space
        }

        LinearModel<double> model = Model();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<WeightFileException>(() => SafeTensors.Load<LinearModel<double>, double>(model, path));

        Assert.Contains("trailing", e.Message);
        Assert.Contains("3221225472", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 1 << 20, "the loader allocated in proportion to the file");
        AssertUnchanged(model);
    }

    [Fact]
    public void An_endless_stream_after_a_valid_file_is_refused_after_one_byte_too_many()
    {
        byte[] valid = File.ReadAllBytes(ValidFile());
        LinearModel<double> model = Model();
        var stream = new EndlessStream(valid, readLimit: valid.Length + 4096);

        var e = Assert.Throws<WeightFileException>(() => SafeTensors.Load<LinearModel<double>, double>(model, stream));

        Assert.Contains("trailing", e.Message);
        AssertUnchanged(model);
    }

    [Fact]
    public void A_huge_header_length_on_a_short_unseekable_stream_allocates_nothing_in_proportion()
    {
        var bytes = new byte[8 + 16];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), 99_000_000UL);
        "{\"a\":1}"u8.CopyTo(bytes.AsSpan(8));
        LinearModel<double> model = Model();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<WeightFileException>(
            () => SafeTensors.Load<LinearModel<double>, double>(model, new EndlessStream(bytes, readLimit: bytes.Length, endless: false)));

        Assert.Contains("99000000", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 1 << 20, "the loader allocated the header length before checking it");
        AssertUnchanged(model);
    }

    /// <summary>
    /// An unseekable stream: <c>prefix</c>, then (when endless) zeros forever. Reading more than
    /// <c>readLimit</c> bytes fails the test, so a reader that drains the stream is caught.
    /// </summary>
    private sealed class EndlessStream(byte[] prefix, long readLimit, bool endless = true) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (!endless && _position >= prefix.Length)
            {
                return 0;
            }

            int n = endless ? buffer.Length : (int)Math.Min(buffer.Length, prefix.Length - _position);
            for (int i = 0; i < n; i++)
            {
                buffer[i] = _position + i < prefix.Length ? prefix[_position + i] : (byte)0;
            }

            _position += n;
            Assert.True(_position <= readLimit, $"the reader read {_position} bytes, more than the {readLimit} it needs");
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
